/**
 * `npm run bench:live`: N socket.io clients (websocket) spread over rooms as a nation would be —
 * 10 % on the nation, 20 % over the 34 provinces, 70 % over the 3,321 communes — while R reports
 * a second go through the real ingest path (`POST /api/v1/reports`). Prints, per (N, R): how long
 * a report takes to show on a screen (from sending it to a client receiving a push that covers
 * it: p50/p95/p99), messages delivered per second, server CPU and memory; then a restart storm.
 * Nothing is asserted. `BENCH_CLIENTS=1000` or `BENCH_RATES=1,100` narrow it.
 */
import { processUsage } from "../src/testing/process-usage";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import superjson from "superjson";
import { z } from "zod";
import type { ClientToServerEvents, ProgressChanged, Room, ServerToClientEvents } from "@pulse/schema";
import { DEMO_PASSWORD } from "../src/auth/demo-accounts";
import { signInForToken } from "../src/auth/sign-in-client";
import { exited, freePort, startServerProcess } from "../src/testing/child-process";

const settings = z
  .object({
    BENCH_CLIENTS: z.string().default("1000,10000"),
    BENCH_RATES: z.string().default("1,100,1000"),
    BENCH_SECONDS: z.coerce.number().int().positive().default(15),
    BENCH_POSTGRES_URL: z.url().default("postgres://postgres@127.0.0.1:5432/test"),
  })
  .parse(process.env);

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const units = JSON.parse(
  readFileSync(new URL("../../../packages/db/data/vn-admin-units.json", import.meta.url), "utf8"),
) as { provinces: { code: string }[]; communes: { code: string; provinceCode: string }[] };

function roomFor(i: number): Room {
  const slot = i % 10;
  if (slot === 0) return "nation";
  if (slot <= 2) return `province:${units.provinces[i % units.provinces.length]?.code ?? "01"}`;
  return `commune:${units.communes[(i * 7919) % units.communes.length]?.code ?? "00082"}`;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) : 0;

/** When each commune's reports were sent, in order: a push covering a commune shows them all. */
const sent = new Map<string, number[]>();
const latencies: number[] = [];
let delivered = 0;
/** Each (N, R) round starts afresh: what clients had shown belongs to the round before. */
let round = 0;

function connectClient(url: string, token: string, room: Room): Promise<LiveSocket> {
  const socket: LiveSocket = io(url, { transports: ["websocket"], auth: { token }, reconnectionDelayMax: 5_000 });
  const shown = new Map<string, number>();
  let shownRound = round;
  socket.on("progress:changed", (event: ProgressChanged) => {
    delivered += 1;
    if (shownRound !== round) {
      shown.clear();
      shownRound = round;
    }
    const now = performance.now();
    for (const code of event.communeCodes) {
      const times = sent.get(code);
      if (!times) continue;
      const from = shown.get(code) ?? 0;
      const oldest = times[from];
      if (oldest !== undefined && oldest <= now) latencies.push(now - oldest);
      shown.set(code, times.length);
    }
  });
  return new Promise((resolve, reject) => {
    socket.on("connect", () =>
      socket.emit("room:join", room, (ack) => (ack.ok ? resolve(socket) : reject(new Error(ack.error.en)))),
    );
    socket.once("connect_error", reject);
  });
}

async function sendReports(apiUrl: string, token: string, rate: number, seconds: number): Promise<number> {
  let sentCount = 0;
  const inflight = new Set<Promise<void>>();
  let issued = 0;
  const begin = performance.now();
  const end = begin + seconds * 1000;
  while (performance.now() < end) {
    // As many as the rate says by now, whatever the timer's jitter.
    const owed = Math.floor((rate * (performance.now() - begin)) / 1000) - issued;
    for (let n = 0; n < owed; n++) {
      issued += 1;
      // The server is saturated past this many in flight: skip (reported as the rate done).
      if (inflight.size >= 256) continue;
      const commune = units.communes[Math.floor(Math.random() * units.communes.length)]?.code ?? "00082";
      const started = performance.now();
      const request = fetch(`${apiUrl}/api/v1/reports`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({
          idempotencyKey: randomUUID(),
          communeCode: commune,
          asOf: new Date().toISOString(),
          reporter: "bench",
          source: "api",
          mode: "increment",
          counters: { peopleTrained: 1 },
        }),
      }).then(
        (r) => {
          if (r.ok) {
            const list = sent.get(commune) ?? [];
            list.push(started);
            sent.set(commune, list);
            sentCount += 1;
          }
          return void r.body?.cancel();
        },
        () => undefined,
      );
      inflight.add(request);
      void request.finally(() => inflight.delete(request));
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(inflight);
  return sentCount;
}

async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  return startServerProcess(port, {
    ...env,
    PULSE_DEMO: "true",
    DEMO_FEED_INTERVAL_MS: "3600000",
    INGEST_REQUESTS_PER_MINUTE: "100000000",
  });
}

const name = `pulse_bench_live_${Date.now().toString(36)}`;
const admin = postgres(settings.BENCH_POSTGRES_URL, { max: 1, onnotice: () => undefined });
await admin`create database ${admin(name)}`;
const databaseUrl = new URL(settings.BENCH_POSTGRES_URL);
databaseUrl.pathname = `/${name}`;
const env = { DATABASE_URL: databaseUrl.toString() };
const port = await freePort();
const apiUrl = `http://127.0.0.1:${port}`;
let server = await startServer(port, env);
try {
  const adminToken = await signInForToken(apiUrl, "admin@pulse.demo", DEMO_PASSWORD);
  const created = await fetch(`${apiUrl}/trpc/kiosk.create`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(superjson.serialize({ name: "bench screens", scope: { kind: "nation" } })),
  });
  const { secret } = superjson.deserialize<{ secret: string }>(
    ((await created.json()) as { result: { data: never } }).result.data,
  );

  for (const clients of settings.BENCH_CLIENTS.split(",").map(Number)) {
    const before = processUsage(server.pid ?? 0);
    const sockets: LiveSocket[] = [];
    const rooms = Array.from({ length: clients }, (_, i) => roomFor(i));
    for (let i = 0; i < clients; i += 200) {
      const batch = Array.from({ length: Math.min(200, clients - i) }, (_, k) =>
        connectClient(apiUrl, secret, rooms[i + k] ?? "nation"),
      );
      sockets.push(...(await Promise.all(batch)));
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const connected = processUsage(server.pid ?? 0);
    const perClientKb = ((connected.rssMb - before.rssMb) * 1024) / clients;
    for (const rate of settings.BENCH_RATES.split(",").map(Number)) {
      latencies.length = 0;
      delivered = 0;
      sent.clear();
      round += 1;
      const start = processUsage(server.pid ?? 0);
      const t0 = performance.now();
      const reports = await sendReports(apiUrl, adminToken, rate, settings.BENCH_SECONDS);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const elapsed = (performance.now() - t0) / 1000;
      const end = processUsage(server.pid ?? 0);
      const sorted = [...latencies].sort((a, b) => a - b);
      console.log({
        clients,
        reportsPerSecondAsked: rate,
        reportsPerSecondDone: Math.round(reports / settings.BENCH_SECONDS),
        p50Ms: Math.round(percentile(sorted, 50)),
        p95Ms: Math.round(percentile(sorted, 95)),
        p99Ms: Math.round(percentile(sorted, 99)),
        messagesPerSecond: Math.round(delivered / elapsed),
        serverCpuPercent: Math.round(((end.cpuSeconds - start.cpuSeconds) / elapsed) * 100),
        serverRssMb: Math.round(end.rssMb),
        rssPerClientKb: Math.round(perClientKb),
      });
    }

    if (clients === Math.max(...settings.BENCH_CLIENTS.split(",").map(Number))) {
      // Restart storm: every client reconnects and joins its room again.
      let rejoined = 0;
      const t0 = performance.now();
      sockets.forEach((socket, i) =>
        socket.once("disconnect", () =>
          socket.once("connect", () => socket.emit("room:join", rooms[i] ?? "nation", () => (rejoined += 1))),
        ),
      );
      server.kill("SIGTERM");
      await exited(server);
      server = await startServer(port, env);
      while (rejoined < clients && performance.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 100));
      console.log({
        restartStorm: { clients, rejoined, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)) },
      });
    }
    for (const socket of sockets) socket.close();
  }
} finally {
  server.kill("SIGTERM");
  await exited(server);
  await admin`drop database if exists ${admin(name)} with (force)`;
  await admin.end();
}
