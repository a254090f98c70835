import type { Database } from "@pulse/db/client";
import { listCampaigns, type Campaign } from "@pulse/db/queries";

/** The campaign a view measures pace against: the one asked for, else the national one. */
export async function activeCampaign(db: Database, campaignId: string | undefined): Promise<Campaign | null> {
  const campaigns = await listCampaigns(db);
  return campaigns.find((c) => c.id === campaignId) ?? campaigns.find((c) => c.scopeKind === "nation") ?? null;
}
