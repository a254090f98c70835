/**
 * `npm run bench:pdf`: milliseconds per PDF over HTTP, warm (the render thread has its fonts and
 * code loaded), for a commune, Hà Nội (126 communes), the nation, and the nation with its annex
 * of all 3,321 communes. The real server runs on a fresh PGlite database seeded with the demo
 * (or on Postgres: BENCH_DATABASE_URL);
 * each case is fetched twice to warm, then BENCH_RUNS times (every request renders). Then the
 * morning meeting (`pdf-crowd.ts`, BENCH_CROWD_SECONDS, 0 to skip): once with every request
 * rendered, once with identical exports shared and reused (PDF_REUSE_SECONDS as configured).
 * Nothing is asserted.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { DEMO_PASSWORD } from "../src/auth/demo-accounts";
import { signInForToken } from "../src/auth/sign-in-client";
import { exited, freePort, startServerProcess } from "../src/testing/child-process";
import { pdfPageSizes } from "../src/testing/pdf-tools";
import { MEETING_EXPORTS_PER_MINUTE, morningMeeting } from "./pdf-crowd";

const settings = z
  .object({
    BENCH_RUNS: z.coerce.number().int().positive().default(5),
    BENCH_CROWD_SECONDS: z.coerce.number().int().min(0).default(30),
    /** a Postgres database to run on instead of a fresh PGlite (seeded with the demo on first start) */
    BENCH_DATABASE_URL: z.string().optional(),
  })
  .parse(process.env);

const CASES = [
  { name: "commune (Cửa Nam, 00082)", query: "scope=commune:00082", target: 200 },
  { name: "Hà Nội (126 communes)", query: "scope=province:01", target: 500 },
  { name: "nation (34 provinces)", query: "scope=nation", target: null },
  { name: "nation + annex (3,321 communes)", query: "scope=nation&annex=communes", target: 7000 },
] as const;

const dir = mkdtempSync(join(tmpdir(), "pulse-bench-pdf-"));
const port = await freePort();
const serverOn = (reuse: Record<string, string>) =>
  startServerProcess(port, {
    ...(settings.BENCH_DATABASE_URL ? { DATABASE_URL: settings.BENCH_DATABASE_URL } : { PGLITE_DIR: dir }),
    PULSE_DEMO: "true",
    DEMO_FEED_INTERVAL_MS: "3600000",
    PDF_EXPORTS_PER_MINUTE: MEETING_EXPORTS_PER_MINUTE,
    ...reuse,
  });
// every request renders: this measures a render, not the reuse of one
let server = await serverOn({ PDF_REUSE_SECONDS: "0" });
try {
  const url = `http://127.0.0.1:${port}`;
  const token = await signInForToken(url, "admin@pulse.demo", DEMO_PASSWORD);
  const fetchPdf = async (query: string) => {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/export.pdf?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200) throw new Error(`${query}: ${response.status} ${await response.text()}`);
    const pdf = new Uint8Array(await response.arrayBuffer());
    const timing = response.headers.get("server-timing") ?? "";
    const dur = (name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(timing)?.[1] ?? NaN);
    return { ms: performance.now() - started, pdf, render: dur("render") };
  };
  console.log(
    `PDF export, warm, ${settings.BENCH_RUNS} runs each (ms per PDF over HTTP; render: the server's figures, layout and render)`,
  );
  for (const c of CASES) {
    for (let i = 0; i < 2; i++) await fetchPdf(c.query);
    const times: number[] = [];
    const render: number[] = [];
    let last: Uint8Array = new Uint8Array();
    for (let i = 0; i < settings.BENCH_RUNS; i++) {
      const run = await fetchPdf(c.query);
      times.push(run.ms);
      render.push(run.render);
      last = run.pdf;
    }
    const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    times.sort((a, b) => a - b);
    const pages = (await pdfPageSizes(last)).length;
    const median = times[Math.floor(times.length / 2)] ?? NaN;
    console.log(
      `${c.name.padEnd(32)} median ${median.toFixed(0).padStart(5)} ms  min ${(times[0] ?? NaN).toFixed(0).padStart(5)} ms  ` +
        `max ${(times.at(-1) ?? NaN).toFixed(0).padStart(5)} ms  (server ${medianOf(render).toFixed(0)})  ` +
        `${String(pages).padStart(3)} pages  ` +
        `${(last.byteLength / 1024).toFixed(0)} KB${c.target ? `  (target ≤ ${c.target} ms)` : ""}`,
    );
  }
  // each meeting on a freshly started server, as a morning begins
  for (const [label, reuse] of [
    ["every export rendered", { PDF_REUSE_SECONDS: "0" }],
    ["identical exports shared and reused", {}],
  ] as const) {
    if (settings.BENCH_CROWD_SECONDS === 0) break;
    server.kill("SIGTERM");
    await exited(server);
    server = await serverOn(reuse);
    const meetingToken = await signInForToken(url, "admin@pulse.demo", DEMO_PASSWORD);
    console.log(`\nmorning meeting, ${settings.BENCH_CROWD_SECONDS} s: ${label}`);
    console.log(await morningMeeting(url, meetingToken, server.pid ?? 0, settings.BENCH_CROWD_SECONDS));
  }
} finally {
  server.kill("SIGTERM");
  await exited(server);
  rmSync(dir, { recursive: true, force: true });
}
