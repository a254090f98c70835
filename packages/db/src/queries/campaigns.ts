import { asc } from "drizzle-orm";
import type { Database } from "../client";
import { campaigns } from "../tables";

export type Campaign = typeof campaigns.$inferSelect;

export function listCampaigns(db: Database): Promise<Campaign[]> {
  return db.select().from(campaigns).orderBy(asc(campaigns.startsOn));
}
