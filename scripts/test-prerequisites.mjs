#!/usr/bin/env node
// Before `npm test`: checks what the suites need beyond npm packages — Chromium, poppler-utils,
// Postgres and Redis — and, as root on a Debian machine with apt, installs and starts what is
// missing (a Postgres installed here trusts local connections, as the suites' URL expects).
// Otherwise it prints exactly what to install, and stops.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";

const POSTGRES_URL = new URL(process.env.PULSE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test");
const REDIS_URL = new URL(process.env.PULSE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
const CHROMIUM = "/usr/bin/chromium";

const onPath = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const root = process.getuid?.() === 0;
const apt = onPath("apt-get");
const log = (line) => console.log(`[test prerequisites] ${line}`);

/** Whether something answers on host:port, and what it says first to `greeting`. */
function probe(url, defaultPort, greeting) {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || defaultPort) });
    const done = (answer) => (socket.destroy(), resolve(answer));
    socket.setTimeout(2000, () => done(null));
    socket.once("error", () => done(null));
    socket.once("connect", () => (greeting ? socket.write(greeting) : done("")));
    socket.once("data", (data) => done(data.toString()));
  });
}

const redisUp = async () => (await probe(REDIS_URL, 6379, "PING\r\n"))?.startsWith("+PONG") ?? false;
const isLocal = (url) => ["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname);

/** Can the suites sign in to the test database? (postgres-js, as they do.) */
async function postgresReady() {
  const { default: postgres } = await import("postgres");
  const sql = postgres(POSTGRES_URL.toString(), { max: 1, connect_timeout: 3, onnotice: () => undefined });
  try {
    await sql`select 1`;
    return { ok: true };
  } catch (error) {
    return { ok: false, code: error.code ?? error.message };
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

const checks = {
  chromium: { ok: existsSync(CHROMIUM), debian: "chromium", why: `Chromium at ${CHROMIUM} (browser tests)` },
  poppler: {
    ok: ["pdftotext", "pdftoppm", "pdffonts"].every(onPath),
    debian: "poppler-utils",
    why: "pdftotext, pdftoppm and pdffonts (PDF tests)",
  },
};

function aptInstall(packages) {
  log(`installing ${packages.join(", ")} with apt-get`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...packages], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

const clusterVersion = () => readdirSync("/etc/postgresql").sort().at(-1);

/** Starts the machine's Postgres cluster; when we installed it, lets local connections in and makes `test`. */
function startPostgres(installedNow) {
  const version = clusterVersion();
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
  if (!installedNow) return;
  const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
  writeFileSync(
    hba,
    `host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n${readFileSync(hba, "utf8")}`,
  );
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "reload"], { stdio: "inherit" });
  const database = POSTGRES_URL.pathname.slice(1) || "test";
  spawnSync("runuser", ["-u", "postgres", "--", "createdb", database], { stdio: "inherit" });
}

async function main() {
  const missing = Object.entries(checks).filter(([, check]) => !check.ok);
  let postgres = await postgresReady();
  const postgresInstalled = onPath("pg_ctlcluster") && existsSync("/etc/postgresql");
  let redis = await redisUp();
  const redisInstalled = onPath("redis-server");
  const packages = [
    ...missing.map(([, check]) => check.debian),
    ...(!postgres.ok && isLocal(POSTGRES_URL) && !postgresInstalled ? ["postgresql"] : []),
    ...(!redis && isLocal(REDIS_URL) && !redisInstalled ? ["redis-server"] : []),
  ];
  const canInstall = root && apt;
  if (packages.length > 0 && canInstall) aptInstall(packages);
  if (!postgres.ok && canInstall && isLocal(POSTGRES_URL) && onPath("pg_ctlcluster")) {
    startPostgres(packages.includes("postgresql"));
    postgres = await postgresReady();
  }
  if (!redis && canInstall && isLocal(REDIS_URL) && onPath("redis-server")) {
    // Keeps nothing on disk: the suites' data is thrown away.
    const port = REDIS_URL.port || "6379";
    execFileSync("redis-server", [
      "--daemonize",
      "yes",
      "--bind",
      "127.0.0.1",
      "--port",
      port,
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      tmpdir(),
    ]);
    for (let i = 0; i < 20 && !(redis = await redisUp()); i++) await new Promise((r) => setTimeout(r, 250));
  }

  const problems = [
    ...Object.values(checks)
      .filter((check) => !check.ok && !(canInstall && packages.includes(check.debian)))
      .map((check) => `${check.why}: apt-get install -y ${check.debian}`),
    ...(postgres.ok
      ? []
      : [
          `PostgreSQL at ${POSTGRES_URL.host} (${postgres.code}): install it (apt-get install -y postgresql), allow ` +
            `${POSTGRES_URL.username || "postgres"} from 127.0.0.1 with trust or a password in PULSE_TEST_POSTGRES_URL, ` +
            `and create the database (createdb ${POSTGRES_URL.pathname.slice(1) || "test"})`,
        ]),
    ...(redis
      ? []
      : [
          `Redis at ${REDIS_URL.host}: apt-get install -y redis-server, then redis-server --daemonize yes --bind 127.0.0.1 --port ${REDIS_URL.port || "6379"}`,
        ]),
  ];
  if (problems.length > 0) {
    console.error(`\nnpm test needs, beyond npm packages:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    if (!root)
      console.error("Run npm test as root on Debian to have them installed and started, or install them yourself.\n");
    process.exit(1);
  }
  log("Chromium, poppler-utils, PostgreSQL and Redis are ready");
}

await main();
