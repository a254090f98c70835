import { parseArgs } from "node:util";
import { fieldErrorsOf } from "@pulse/schema";
import { account as accountSchema, scopeText } from "@pulse/schema";
import { createAuth } from "../auth/auth";
import { authSecret } from "../auth/secret";
import { createUser } from "../auth/users";
import { openConfiguredDatabase } from "../database";
import { env } from "../env";

/**
 * `npm run user:create -- --email … --role admin|province|commune|reporter|viewer --scope
 * nation|province:01|commune:00082 [--name …]`: creates the account (or resets an existing
 * one's role, scope and password) and prints a one-time password to hand over.
 */
const usage =
  "Cách dùng / usage: npm run user:create -- --email EMAIL --role admin|province|commune|reporter|viewer " +
  "--scope nation|province:CODE|commune:CODE [--name NAME]";
const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, scope: { type: "string" }, name: { type: "string" } },
});
const scope = scopeText.safeParse(values.scope ?? "");
const parsed = accountSchema.safeParse({
  email: values.email,
  role: values.role,
  name: values.name,
  scope: scope.success ? scope.data : undefined,
});
if (!parsed.success || !scope.success) {
  const errors = parsed.success ? [] : fieldErrorsOf(parsed.error);
  if (!scope.success) errors.push(...fieldErrorsOf(scope.error, "scope"));
  for (const e of errors) console.error(`--${e.field.split(".")[0]}: ${e.vi} / ${e.en}`);
  console.error(usage);
  process.exit(2);
}

// The embedded database belongs to one process: with a server running on it, stop it first.
if (!env.DATABASE_URL) {
  const running = await fetch(`${env.PULSE_API_URL}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (running) {
    console.error(
      "Máy chủ đang chạy trên cơ sở dữ liệu nhúng: hãy dừng nó trước (Ctrl+C) rồi chạy lại lệnh này / " +
        "the server is running on the embedded database: stop it first, then run this again",
    );
    process.exit(2);
  }
}

const database = await openConfiguredDatabase();
await database.migrate();
const auth = createAuth(database.db, {
  secret: await authSecret(database.db, env.AUTH_SECRET),
  webOrigin: env.WEB_ORIGIN,
});
const result = await createUser(auth, database.db, parsed.data, "cli");
await database.close();
console.log(
  `${result.created ? "Đã tạo tài khoản / account created" : "Đã cập nhật tài khoản / account updated"}: ` +
    `${parsed.data.email} (${parsed.data.role}, ${values.scope})`,
);
console.log(`Mật khẩu dùng một lần / one-time password: ${result.password}`);
