/**
 * `npm run bench:ingest`: single-report throughput over HTTP (64 concurrent clients, every
 * report a new idempotency key) and CSV import speed on a generated 1,000,000-row file, on
 * Postgres and on PGlite. Each run starts the real server on a fresh, seeded database and prints
 * its figures; nothing is asserted. `BENCH_ENGINES=postgres` or `BENCH_ROWS=200000` narrow it.
 * An Excel workbook of `BENCH_XLSX_ROWS` rows (the CSV's first ones; 0 to skip) is imported too.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import autocannon from "autocannon";
import postgres from "postgres";
import { z } from "zod";
import { DEMO_PASSWORD } from "../src/auth/demo-accounts";
import { signInForToken } from "../src/auth/sign-in-client";
import { exited, freePort, startServerProcess } from "../src/testing/child-process";
import { processUsage } from "../src/testing/process-usage";
import { uploadCsv } from "../src/testing/import-client";
import { XLSX_MEDIA_TYPE, type ImportEvent } from "@pulse/schema";
import ExcelJS from "exceljs";

const settings = z
  .object({
    BENCH_ENGINES: z.string().default("postgres,pglite"),
    BENCH_ROWS: z.coerce.number().int().positive().default(1_000_000),
    BENCH_SECONDS: z.coerce.number().int().positive().default(15),
    BENCH_XLSX_ROWS: z.coerce.number().int().min(0).default(100_000),
    BENCH_POSTGRES_URL: z.url().default("postgres://postgres@127.0.0.1:5432/test"),
  })
  .parse(process.env);

const units = JSON.parse(
  readFileSync(new URL("../../../packages/db/data/vn-admin-units.json", import.meta.url), "utf8"),
) as { communes: { code: string }[] };
/** Every seeded commune has villages 001…010 at least; reports spread over them like field teams do. */
const villages = units.communes.flatMap((c) => [1, 2, 3, 4].map((n) => [c.code, `${c.code}-00${n}`] as const));
const pick = () => villages[Math.floor(Math.random() * villages.length)] ?? ["00082", "00082-001"];

async function httpThroughput(port: number, token: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 64,
    duration: settings.BENCH_SECONDS,
    requests: [
      {
        method: "POST",
        path: "/api/v1/reports",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        setupRequest: (req) => {
          const [communeCode, villageCode] = pick();
          return {
            ...req,
            body: JSON.stringify({
              idempotencyKey: randomUUID(),
              communeCode,
              villageCode,
              asOf: new Date().toISOString(),
              reporter: "bench",
              source: "api",
              mode: "increment",
              counters: { eidL2Activated: 1, peopleTrained: 2 },
            }),
          };
        },
      },
    ],
  });
  return {
    reportsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result["2xx"],
    errors: result.non2xx + result.errors,
  };
}

async function generateCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("communeCode,villageCode,asOf,reporter,mode,eidL2Activated,peopleTrained,householdsVisited\n");
  for (let i = 0; i < rows; i++) {
    const [commune, village] = villages[(i * 7919) % villages.length] ?? ["00082", "00082-001"];
    const day = String(1 + (i % 28)).padStart(2, "0");
    if (!out.write(`${commune},${village},2025-09-${day} 10:00,bench,increment,${1 + (i % 3)},${i % 5},${i % 2}\n`)) {
      await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
}

/** The CSV's first `rows` rows as a workbook, written as Excel would (date cells, numbers). */
async function generateXlsx(csvPath: string, path: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet("Báo cáo");
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(csvPath) })) {
    if (line > rows) break;
    const cells = text.split(",");
    const values =
      line === 0 ? cells : cells.map((cell, i) => (i === 2 ? excelDate(cell) : i >= 5 ? Number(cell) : cell));
    sheet.addRow(values).commit();
    line += 1;
  }
  sheet.commit();
  await book.commit();
}

/** "2025-09-01 10:00" (Vietnam time) as the date cell Excel would store: its wall-clock time, no zone. */
const excelDate = (text: string) => new Date(`${text.replace(" ", "T")}:00Z`);

async function csvImport(port: number, path: string, token: string, contentType?: string) {
  const started = Date.now();
  let result: Extract<ImportEvent, { type: "result" }> | undefined;
  for await (const event of uploadCsv(port, path, token, contentType)) {
    if (event.type === "result") result = event;
    if (event.type === "error") throw new Error(event.en);
  }
  if (!result) throw new Error("no result");
  const seconds = (Date.now() - started) / 1000;
  return {
    rows: result.rows,
    imported: result.imported,
    seconds: Number(seconds.toFixed(1)),
    rowsPerSecond: Math.round(result.rows / seconds),
    serverPeakRssMb: Math.round(result.peakRssBytes / 1048576),
  };
}

async function databaseFor(engine: string): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (engine === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "pulse-bench-"));
    return { env: { PGLITE_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `pulse_bench_${Date.now().toString(36)}`;
  const admin = postgres(settings.BENCH_POSTGRES_URL, { max: 1, onnotice: () => undefined });
  await admin`create database ${admin(name)}`;
  const url = new URL(settings.BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin`drop database if exists ${admin(name)} with (force)`;
      await admin.end();
    },
  };
}

// The commit measured, so that a figure can be reproduced (and a README line checked against it).
const commit = execFileSync("git", ["describe", "--always", "--dirty"], { encoding: "utf8" }).trim();
console.log(`bench:ingest at ${commit}, ${new Date().toISOString()}`);

const dir = mkdtempSync(join(tmpdir(), "pulse-bench-csv-"));
const csv = join(dir, "reports.csv");
await generateCsv(csv, settings.BENCH_ROWS);
console.log(`generated ${settings.BENCH_ROWS} rows (${Math.round(statSync(csv).size / 1048576)} MB)`);
const xlsx = join(dir, "reports.xlsx");
if (settings.BENCH_XLSX_ROWS > 0) {
  await generateXlsx(csv, xlsx, settings.BENCH_XLSX_ROWS);
  console.log(
    `generated a workbook of ${settings.BENCH_XLSX_ROWS} rows (${Math.round(statSync(xlsx).size / 1048576)} MB)`,
  );
}

for (const engine of settings.BENCH_ENGINES.split(",")) {
  const database = await databaseFor(engine);
  const port = await freePort();
  const server = await startServerProcess(port, {
    ...database.env,
    PULSE_DEMO: "true",
    DEMO_FEED_INTERVAL_MS: "3600000",
    // One account sends everything here; the rate limit is for people, not for this measurement.
    INGEST_REQUESTS_PER_MINUTE: "100000000",
  });
  try {
    // Signed in as the demo's national admin, like an integration would with its own account.
    const token = await signInForToken(`http://127.0.0.1:${port}`, "admin@pulse.demo", DEMO_PASSWORD);
    console.log(`\n${engine}: HTTP, 64 clients, ${settings.BENCH_SECONDS} s`);
    const before = processUsage(server.pid ?? 0);
    const http = await httpThroughput(port, token);
    const after = processUsage(server.pid ?? 0);
    const serverCpuPercent = Math.round((100 * (after.cpuSeconds - before.cpuSeconds)) / settings.BENCH_SECONDS);
    console.log({ ...http, serverCpuPercent, serverRssMb: Math.round(after.rssMb) });
    console.log(`${engine}: CSV import`);
    console.log(await csvImport(port, csv, token));
    if (settings.BENCH_XLSX_ROWS > 0) {
      console.log(`${engine}: Excel import (${settings.BENCH_XLSX_ROWS} rows)`);
      console.log(await csvImport(port, xlsx, token, XLSX_MEDIA_TYPE));
    }
  } finally {
    server.kill("SIGTERM");
    await exited(server);
    await database.drop();
  }
}
rmSync(dir, { recursive: true, force: true });
