import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { meta } from "../tables";
import { seedDemo, topUpDemoHistory } from "./demo";
import { seedGeography } from "./geography";

export { seedGeography, readAdminUnits } from "./geography";
export { seedDemo, DEMO_CAMPAIGNS, DEMO_HISTORY_START } from "./demo";
export * from "./press-facts";

export interface SeedResult {
  /** false when the database was already seeded (a second start reuses it) */
  seeded: boolean;
  demo: boolean;
  /** demo reports added to bring an older demo database up to today */
  toppedUp: number;
}

/**
 * Seeds geography, and the demo when asked, once per database; a demo seeded on an earlier day
 * gets its synthetic history topped up to `now` (still deterministic for a given day).
 */
export async function ensureSeeded(db: Database, { demo, now }: { demo: boolean; now: Date }): Promise<SeedResult> {
  const [done] = await db.select().from(meta).where(eq(meta.key, "seeded"));
  if (done) {
    const seeded = done.value as { demo: boolean; at: string; historyUntil?: string };
    // Synthetic reports only where the demo is asked for (PULSE_DEMO): never behind real ones.
    if (!seeded.demo || !demo) return { seeded: false, demo: seeded.demo, toppedUp: 0 };
    const since = new Date(seeded.historyUntil ?? seeded.at);
    const toppedUp = await topUpDemoHistory(db, { since, now });
    if (now > since)
      await db
        .update(meta)
        .set({ value: { ...seeded, historyUntil: now.toISOString() } })
        .where(eq(meta.key, "seeded"));
    return { seeded: false, demo: true, toppedUp };
  }
  await seedGeography(db);
  if (demo) await seedDemo(db, { now });
  await db
    .insert(meta)
    .values({ key: "seeded", value: { demo, at: now.toISOString(), historyUntil: now.toISOString() } });
  return { seeded: true, demo, toppedUp: 0 };
}
