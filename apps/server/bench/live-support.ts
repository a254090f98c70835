/** What `bench:live` needs around its measurements: a database, tokens, a steady stream of reports. */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import superjson from "superjson";
import { DEMO_PASSWORD } from "../src/auth/demo-accounts";
import { signInForToken } from "../src/auth/sign-in-client";

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) : 0;

/** An empty Postgres database of its own (the server migrates and seeds it), dropped afterwards. */
export async function createBenchDatabase(serverUrl: string) {
  const name = `pulse_bench_live_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin`create database ${admin(name)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin`drop database if exists ${admin(name)} with (force)`;
      await admin.end();
    },
  };
}

/** The demo administrator's bearer token (to post reports) and a nation kiosk token for the screens. */
export async function signInBench(apiUrl: string): Promise<{ adminToken: string; screenToken: string }> {
  const adminToken = await signInForToken(apiUrl, "admin@pulse.demo", DEMO_PASSWORD);
  const created = await fetch(`${apiUrl}/trpc/kiosk.create`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(superjson.serialize({ name: "bench screens", scope: { kind: "nation" } })),
  });
  const { secret } = superjson.deserialize<{ secret: string }>(
    ((await created.json()) as { result: { data: never } }).result.data,
  );
  return { adminToken, screenToken: secret };
}

export interface Posted {
  asked: number;
  accepted: number;
  /** per commune, when each report to it was sent (epoch ms, in sending order; NaN: refused) */
  sentAt: Map<string, number[]>;
  /** how long each accepted report took to be answered */
  answerMs: number[];
}

const now = () => performance.timeOrigin + performance.now();

/**
 * `rate` reports a second for `seconds`, each an increment to a random commune, round robin over
 * the servers; at most 256 in flight (past that the server is saturated: the rest are skipped).
 */
export async function postReports(
  urls: string[],
  token: string,
  rate: number,
  seconds: number,
  communes: string[],
): Promise<Posted> {
  const posted: Posted = { asked: 0, accepted: 0, sentAt: new Map(), answerMs: [] };
  const inflight = new Set<Promise<void>>();
  const begin = performance.now();
  while (performance.now() < begin + seconds * 1000) {
    // as many as the rate says by now, whatever the timer's jitter
    const owed = Math.floor((rate * (performance.now() - begin)) / 1000) - posted.asked;
    for (let n = 0; n < owed; n++) {
      posted.asked += 1;
      if (inflight.size >= 256) continue;
      const commune = communes[Math.floor(Math.random() * communes.length)] ?? "00082";
      const times = posted.sentAt.get(commune) ?? [];
      posted.sentAt.set(commune, times);
      const slot = times.push(now()) - 1;
      const started = performance.now();
      const request = fetch(`${urls[posted.asked % urls.length] ?? ""}/api/v1/reports`, {
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
        async (response) => {
          await response.body?.cancel();
          if (!response.ok) return void (times[slot] = Number.NaN);
          posted.accepted += 1;
          posted.answerMs.push(performance.now() - started);
        },
        () => void (times[slot] = Number.NaN),
      );
      inflight.add(request);
      void request.finally(() => inflight.delete(request));
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(inflight);
  return posted;
}
