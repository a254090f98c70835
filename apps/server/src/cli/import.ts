import { createReadStream, createWriteStream, existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { read } from "read";
import { signInForToken } from "../auth/sign-in-client";
import { env } from "../env";
import { XLSX_MEDIA_TYPE, type ImportEvent } from "@pulse/schema";

/**
 * `npm run import -- FILE.csv|FILE.xlsx --email YOU [--sheet NAME] [--skip-invalid] [--report FILE]`: signs in (password
 * from PULSE_PASSWORD, or asked), sends the file to the running server (which owns the database
 * and checks every row against your scope), shows progress, and lists every bad row — or, with
 * --skip-invalid, imports the good rows and writes the bad ones to a report file.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "skip-invalid": { type: "boolean", default: false },
    report: { type: "string" },
    sheet: { type: "string" },
    email: { type: "string" },
  },
});
const [fileArg] = positionals;
const email = values.email ?? env.PULSE_EMAIL;
if (!fileArg || !email) {
  console.error(
    "Cách dùng / usage: npm run import -- FILE.csv|FILE.xlsx --email EMAIL [--sheet NAME] [--skip-invalid] [--report FILE]",
  );
  process.exit(2);
}
const file = resolve(env.INIT_CWD ?? process.cwd(), fileArg);
const skipInvalid = values["skip-invalid"];
const reportPath = values.report ?? `${file}.errors.csv`;
if (!existsSync(file)) {
  console.error(`Không tìm thấy tệp / file not found: ${file}`);
  process.exit(2);
}
const bytes = statSync(file).size;
const query = new URLSearchParams({
  ...(skipInvalid ? { skipInvalid: "true" } : {}),
  ...(values.sheet ? { sheet: values.sheet } : {}),
});
const url = `${env.PULSE_API_URL}/api/v1/imports${query.size > 0 ? `?${query}` : ""}`;

const csvCell = (value: string | number) => `"${String(value).replaceAll('"', '""')}"`;
const report = skipInvalid ? createWriteStream(reportPath) : null;
report?.write("line,column,vi,en\n");

const bar = process.stderr.isTTY
  ? new SingleBar({
      format: "{phase} |{bar}| {percentage}% · {value}/{total} dòng · {speed} dòng/s",
      hideCursor: true,
    })
  : null;
let lastLine = 0;
let phase = "";
let problems = 0;

function showProgress(event: Extract<ImportEvent, { type: "progress" }>) {
  const speed = Math.round(event.rows / Math.max(event.elapsedMs / 1000, 0.001));
  const label = event.phase === "validate" ? "Kiểm tra / validating" : "Ghi / writing";
  const done = event.phase === "validate" ? event.rows : event.written;
  const total = event.phase === "validate" ? Math.max(event.rows, 1) : (event.total ?? event.rows);
  if (bar) {
    if (phase !== event.phase) bar.start(total, done, { phase: label, speed });
    else bar.update(done, { phase: label, speed });
    bar.setTotal(total);
  } else if (Date.now() - lastLine > 1000) {
    lastLine = Date.now();
    console.error(`${label}: ${done}/${total} (${speed} dòng/s · rows/s)`);
  }
  phase = event.phase;
}

const unreachable = (): never => {
  console.error(
    `Không kết nối được máy chủ ${env.PULSE_API_URL}: hãy chạy npm start trước / cannot reach the server: start it with npm start`,
  );
  process.exit(2);
};

const password =
  env.PULSE_PASSWORD ??
  (process.stdin.isTTY
    ? String(await read({ prompt: `Mật khẩu / password (${email}): `, silent: true, replace: "*" }))
    : null);
if (!password) {
  console.error("Thiếu mật khẩu: đặt PULSE_PASSWORD / password missing: set PULSE_PASSWORD");
  process.exit(2);
}
let token: string;
try {
  token = await signInForToken(env.PULSE_API_URL, email, password);
} catch (error) {
  if (error instanceof TypeError) unreachable();
  console.error(
    `Đăng nhập không thành công / sign-in failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}

const response = await fetch(url, {
  method: "POST",
  headers: {
    "content-type": /\.xlsx$/i.test(file) ? XLSX_MEDIA_TYPE : "text/csv",
    accept: "application/x-ndjson",
    "content-length": String(bytes),
    authorization: `Bearer ${token}`,
  },
  body: Readable.toWeb(createReadStream(file)) as ReadableStream,
  duplex: "half",
} as RequestInit).catch(unreachable);
if (!response.ok || !response.body) {
  console.error(`${response.status}: ${await response.text()}`);
  process.exit(2);
}

let exitCode = 2;
const lines = createInterface({ input: Readable.fromWeb(response.body as WebReadableStream) });
for await (const line of lines) {
  const event = JSON.parse(line) as ImportEvent;
  if (event.type === "progress") showProgress(event);
  else if (event.type === "problem") {
    problems += 1;
    if (report) report.write(`${[event.line, event.column, event.vi, event.en].map(csvCell).join(",")}\n`);
    else
      console.error(
        `dòng ${event.line}, cột ${event.column}: ${event.vi} / line ${event.line}, ${event.column}: ${event.en}`,
      );
  } else if (event.type === "error") {
    bar?.stop();
    console.error(`${event.vi} / ${event.en}`);
  } else if (event.type === "result") {
    bar?.stop();
    const seconds = event.elapsedMs / 1000;
    if (event.status === "rejected") {
      console.error(
        `Không ghi gì: ${event.invalidRows} dòng lỗi trên ${event.rows} / Nothing written: ${event.invalidRows} bad rows of ${event.rows}` +
          " (--skip-invalid imports the good rows)",
      );
      exitCode = 1;
    } else {
      console.log(
        `Đã nhập ${event.imported} dòng mới, ${event.duplicates} dòng đã có, ${event.invalidRows} dòng lỗi bỏ qua` +
          `${event.blank > 0 ? `, ${event.blank} dòng chưa có số liệu` : ""} · imported ${event.imported} new rows, ` +
          `${event.duplicates} already there, ${event.invalidRows} bad rows skipped` +
          `${event.blank > 0 ? `, ${event.blank} rows without figures` : ""} ` +
          `in ${seconds.toFixed(1)} s (${Math.round(event.rows / Math.max(seconds, 0.001))} rows/s, ` +
          `server peak RSS ${Math.round(event.peakRssBytes / 1048576)} MB)`,
      );
      if (report && problems > 0) console.log(`Dòng lỗi / bad rows: ${reportPath}`);
      exitCode = 0;
    }
  }
}
report?.end();
process.exitCode = exitCode;
