/**
 * `npm run bench:live`: wall screens spread as a country's would be — one per commune room
 * (3,321), ≈ 100 per province room, the rest on the nation — or all on one province room, while
 * R reports a second go through the real ingest path (`POST /api/v1/reports`, to random
 * communes), on Postgres. The screens are lean and live in their own process
 * (`live-screens.ts`), so the figures are the server's: answers p50/p99, report → screen
 * p50/p99 per kind of room, frames and bytes per frame, the server's CPU per 1,000 frames and
 * its memory; then a restart storm (stop time, screens back after `/healthz`). Nothing is
 * asserted. `BENCH_SERVERS=1,2,3` runs each layout on 1, 2 and 3 processes sharing Redis;
 * `BENCH_SPLIT=true` sends reports to the first only and screens to the others, so socket
 * delivery runs in processes of its own.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Room } from "@pulse/schema";
import { processUsage } from "../src/testing/process-usage";
import { exited, freePort, startServerProcess } from "../src/testing/child-process";
import { createBenchDatabase, percentile, postReports, signInBench, type Posted } from "./live-support";
import type { ScreensCommand, ScreensReport } from "./live-screens";

const settings = z
  .object({
    BENCH_CLIENTS: z.coerce.number().int().positive().default(10_000),
    BENCH_RATE: z.coerce.number().positive().default(100),
    BENCH_SECONDS: z.coerce.number().int().positive().default(30),
    BENCH_LAYOUTS: z.string().default("spread,province"),
    BENCH_SERVERS: z.string().default("1"),
    BENCH_RESTART: z.enum(["true", "false"]).default("true"),
    /** with 2+ servers: reports go to the first only, screens to the others (fan-out in its own processes) */
    BENCH_SPLIT: z.enum(["true", "false"]).default("false"),
    BENCH_POSTGRES_URL: z.url().default("postgres://postgres@127.0.0.1:5432/test"),
    BENCH_REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  })
  .parse(process.env);

const units = JSON.parse(
  readFileSync(new URL("../../../packages/db/data/vn-admin-units.json", import.meta.url), "utf8"),
) as { provinces: { code: string }[]; communes: { code: string }[] };
const communes = units.communes.map((c) => c.code);

/** Screen i's room: spread = a third each on communes (every one), provinces, the nation. */
function roomsOf(layout: string, count: number): Room[] {
  return Array.from({ length: count }, (_, i): Room => {
    if (layout !== "spread") return "province:01";
    const slot = i % 3;
    if (slot === 0) return `commune:${communes[Math.floor(i / 3) % communes.length] ?? "00082"}`;
    if (slot === 1) return `province:${units.provinces[Math.floor(i / 3) % units.provinces.length]?.code ?? "01"}`;
    return "nation";
  });
}

function screensProcess(): ChildProcess & { ask(command: ScreensCommand): Promise<ScreensReport> } {
  const child = fork(new URL("./live-screens.ts", import.meta.url), [], { execArgv: ["--import", "tsx"] });
  return Object.assign(child, {
    ask: (command: ScreensCommand) =>
      new Promise<ScreensReport>((resolve) => {
        child.once("message", (answer) => resolve(answer as ScreensReport));
        child.send(command);
      }),
  });
}

/** Report → screen: for each frame a parsing screen saw, the oldest report it had not yet shown. */
function screenLatencies(posted: Posted, seen: ScreensReport["seen"], rooms: Room[]): Map<string, number[]> {
  const shown = new Map<string, number>();
  const byKind = new Map<string, number[]>();
  for (const frame of [...seen].sort((a, b) => a.at - b.at)) {
    const kind = (rooms[frame.screen] ?? "nation").split(":")[0] ?? "nation";
    const list = byKind.get(kind) ?? [];
    byKind.set(kind, list);
    for (const code of frame.communeCodes) {
      const times = posted.sentAt.get(code) ?? [];
      const key = `${frame.screen}:${code}`;
      let from = shown.get(key) ?? 0;
      while (from < times.length && Number.isNaN(times[from])) from += 1;
      const oldest = times[from];
      if (oldest === undefined || oldest > frame.at) continue;
      list.push(frame.at - oldest);
      while (from < times.length && !((times[from] ?? 0) > frame.at)) from += 1;
      shown.set(key, from);
    }
  }
  return byKind;
}

function summarize(reports: ScreensReport[]) {
  const sizes = reports.flatMap((r) => r.sizes).sort((a, b) => a[0] - b[0]);
  const frames = reports.reduce((n, r) => n + r.frames, 0);
  let counted = 0;
  const median = sizes.find(([, n]) => (counted += n) >= frames / 2)?.[0] ?? 0;
  return {
    frames,
    bytes: reports.reduce((n, r) => n + r.bytes, 0),
    medianFrameBytes: median,
    seen: reports.flatMap((r) => r.seen),
    clientCpuSeconds: reports.reduce((n, r) => n + r.cpuSeconds, 0),
  };
}

async function runLayout(
  servers: ChildProcess[],
  urls: string[],
  tokens: { adminToken: string; screenToken: string },
  layout: string,
) {
  const rooms = roomsOf(layout, settings.BENCH_CLIENTS);
  const screens = screensProcess();
  const split = settings.BENCH_SPLIT === "true" && urls.length > 1;
  const screenUrls = split ? urls.slice(1) : urls;
  await screens.ask({ type: "connect", urls: screenUrls, token: tokens.screenToken, rooms, firstId: 0 });
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const clientCpuBefore = (await screens.ask({ type: "collect" })).cpuSeconds;
  const pids = servers.map((s) => s.pid ?? 0);
  const before = pids.map(processUsage);
  const t0 = performance.now();
  const posted = await postReports(
    split ? urls.slice(0, 1) : urls,
    tokens.adminToken,
    settings.BENCH_RATE,
    settings.BENCH_SECONDS,
    communes,
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const seconds = (performance.now() - t0) / 1000;
  const after = pids.map(processUsage);
  const collected = await screens.ask({ type: "collect" });
  const run = summarize([collected]);
  const serverCpuSeconds = after.reduce((n, u, i) => n + u.cpuSeconds - (before[i]?.cpuSeconds ?? 0), 0);
  const answers = [...posted.answerMs].sort((a, b) => a - b);
  const toScreen = Object.fromEntries(
    [...screenLatencies(posted, run.seen, rooms)].map(([kind, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return [kind, { p50Ms: Math.round(percentile(sorted, 50)), p99Ms: Math.round(percentile(sorted, 99)) }];
    }),
  );
  console.log({
    layout,
    servers: split ? `1 taking reports + ${servers.length - 1} serving screens` : servers.length,
    screens: rooms.length,
    reportsPerSecondAsked: settings.BENCH_RATE,
    reportsAccepted: `${posted.accepted} of ${posted.asked}`,
    answerP50Ms: Math.round(percentile(answers, 50)),
    answerP99Ms: Math.round(percentile(answers, 99)),
    toScreen,
    framesPerSecond: Math.round(run.frames / seconds),
    medianFrameBytes: run.medianFrameBytes,
    meanFrameBytes: Math.round(run.bytes / Math.max(1, run.frames)),
    serverCpuPercent: Math.round((serverCpuSeconds / seconds) * 100),
    serverCpuMsPer1000Frames: Number(((serverCpuSeconds * 1000 * 1000) / Math.max(1, run.frames)).toFixed(1)),
    serverRssMb: after.map((u) => Math.round(u.rssMb)),
    screensProcessCpuPercent: Math.round(((collected.cpuSeconds - clientCpuBefore) / seconds) * 100),
  });
  return { screens, rooms };
}

type Screens = ReturnType<typeof screensProcess>;

/** Stops the (only) server and starts it again while every screen waits to rejoin. */
async function restartStorm(
  server: ChildProcess,
  env: Record<string, string>,
  port: number,
  screens: Screens,
  count: number,
) {
  await screens.ask({ type: "collect" });
  const t0 = performance.now();
  server.kill("SIGTERM");
  await exited(server);
  const stopSeconds = (performance.now() - t0) / 1000;
  const restarted = await startServerProcess(port, env);
  const up = performance.timeOrigin + performance.now();
  const rejoined: number[] = [];
  let joined = 0;
  while (joined < count && performance.timeOrigin + performance.now() - up < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const report = await screens.ask({ type: "collect" });
    rejoined.push(...report.rejoinedAt);
    joined = report.joined;
  }
  const last = Math.max(up, ...rejoined);
  const sorted = rejoined.map((at) => Math.max(0, at - up)).sort((a, b) => a - b);
  console.log({
    restartStorm: {
      screens: count,
      stopSeconds: Number(stopSeconds.toFixed(2)),
      backInTheirRoom: joined,
      afterHealthzP50Seconds: Number((percentile(sorted, 50) / 1000).toFixed(1)),
      afterHealthzAllSeconds: Number(((last - up) / 1000).toFixed(1)),
    },
  });
  return restarted;
}

for (const serverCount of settings.BENCH_SERVERS.split(",").map(Number)) {
  const database = await createBenchDatabase(settings.BENCH_POSTGRES_URL);
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    PULSE_DEMO: "true",
    DEMO_FEED_INTERVAL_MS: "3600000",
    INGEST_REQUESTS_PER_MINUTE: "100000000",
    ...(serverCount > 1 ? { REDIS_URL: settings.BENCH_REDIS_URL, REDIS_PREFIX: database.name } : {}),
  };
  const ports = await Promise.all(Array.from({ length: serverCount }, () => freePort()));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const servers: ChildProcess[] = [];
  try {
    // the first migrates and seeds; the others start on what it made
    for (const port of ports) servers.push(await startServerProcess(port, env));
    const tokens = await signInBench(urls[0] ?? "");
    for (const layout of settings.BENCH_LAYOUTS.split(",")) {
      const { screens } = await runLayout(servers, urls, tokens, layout);
      if (settings.BENCH_RESTART === "true" && serverCount === 1 && layout === "spread" && servers[0] && ports[0])
        servers[0] = await restartStorm(servers[0], env, ports[0], screens, settings.BENCH_CLIENTS);
      screens.send({ type: "close" } satisfies ScreensCommand);
      await exited(screens);
    }
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map(exited));
    await database.drop();
  }
}
