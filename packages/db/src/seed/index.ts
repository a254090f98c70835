import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { meta } from "../schema";
import { seedDemo } from "./demo";
import { seedGeography } from "./geography";

export { seedGeography, readAdminUnits } from "./geography";
export { seedDemo, DEMO_CAMPAIGNS, DEMO_HISTORY_START } from "./demo";
export * from "./press-facts";

export interface SeedResult {
  /** false when the database was already seeded (a second start reuses it) */
  seeded: boolean;
  demo: boolean;
}

/** Seeds geography, and the demo when asked, once per database. */
export async function ensureSeeded(db: Database, { demo, now }: { demo: boolean; now: Date }): Promise<SeedResult> {
  const [done] = await db.select().from(meta).where(eq(meta.key, "seeded"));
  if (done) return { seeded: false, demo: (done.value as { demo: boolean }).demo };
  await seedGeography(db);
  if (demo) await seedDemo(db, { now });
  await db.insert(meta).values({ key: "seeded", value: { demo, at: now.toISOString() } });
  return { seeded: true, demo };
}
