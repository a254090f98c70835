import { randomUUID } from "node:crypto";
import type { Database } from "@pulse/db/client";
import { activationHeadroom, listDemoVillages } from "@pulse/db/queries";
import type { ApiCaller } from "@pulse/api";

/** A tiny deterministic PRNG (mulberry32), so a demo run is reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * In demo mode, field teams are simulated: every interval one village somewhere reports a few
 * activations, through the same tRPC procedure the API uses. Cửa Nam and Nam Cường report
 * more often so the showcased communes visibly move.
 */
export async function startDemoFeed(
  db: Database,
  caller: ApiCaller,
  { intervalMs, onError }: { intervalMs: number; onError: (error: unknown) => void },
): Promise<() => void> {
  const villages = await listDemoVillages(db);
  const showcased = villages.filter((v) => v.communeCode === "00082" || v.communeCode === "02026");
  const next = random(20250724);
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(next() * list.length)];
  const timer = setInterval(() => {
    const village = pick(next() < 0.3 ? showcased : villages);
    if (!village) return;
    const wanted = 1 + Math.floor(next() * 6);
    const registeredExtra = Math.floor(next() * 2);
    const trained = Math.floor(next() * 4);
    const visited = Math.floor(next() * 3);
    // A commune that has activated everyone eligible keeps training and visiting, no more.
    activationHeadroom(db, village.communeCode)
      .then((headroom) => {
        const activated = Math.max(0, Math.min(wanted, headroom));
        return caller.reports.submit({
          idempotencyKey: randomUUID(),
          communeCode: village.communeCode,
          villageCode: village.code,
          asOf: new Date(),
          reporter: "Demo",
          source: "demo",
          mode: "increment",
          counters: {
            eidL2Activated: activated,
            eidL2Registered: activated + (activated > 0 ? registeredExtra : 0),
            peopleTrained: trained,
            householdsVisited: visited + 1,
          },
        });
      })
      .catch(onError);
  }, intervalMs);
  return () => clearInterval(timer);
}
