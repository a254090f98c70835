import { listCampaigns, type Campaign } from "@pulse/db/queries";
import type { Scope } from "@pulse/schema";
import { covers, type ProvinceOf } from "../access/rules";
import type { Context } from "../context";

export const scopeOfCampaign = (c: Campaign): Scope =>
  c.scopeKind === "nation" ? { kind: "nation" } : ({ kind: c.scopeKind, code: c.scopeCode } as Scope);

/** Campaigns that concern the asker: ones over its scope (the national one) or within it. */
export async function visibleCampaigns(ctx: Context): Promise<Campaign[]> {
  const campaigns = await listCampaigns(ctx.db);
  const { principal } = ctx;
  if (principal.kind === "system") return campaigns;
  if (principal.kind !== "user" && principal.kind !== "kiosk") return [];
  return campaigns.filter((c) => {
    const scope = scopeOfCampaign(c);
    return covers(principal.scope, scope, ctx.provinceOf) || covers(scope, principal.scope, ctx.provinceOf);
  });
}

/** The campaign a view measures pace against: the one asked for, else the national one. */
export async function activeCampaign(ctx: Context, campaignId: string | undefined): Promise<Campaign | null> {
  const campaigns = await visibleCampaigns(ctx);
  return campaigns.find((c) => c.id === campaignId) ?? campaigns.find((c) => c.scopeKind === "nation") ?? null;
}

const DEPTH: Record<Scope["kind"], number> = { nation: 0, province: 1, commune: 2 };

/**
 * The campaign that governs each unit on `today`: the most specific running one covering it (a
 * commune's own, else its province's, else the nation's). Alerts read their rules from it.
 */
export function governingCampaign(campaigns: Campaign[], today: string, provinceOf: ProvinceOf) {
  const running = campaigns
    .filter((c) => c.startsOn <= today && today <= c.deadline)
    .sort((a, b) => DEPTH[scopeOfCampaign(b).kind] - DEPTH[scopeOfCampaign(a).kind]);
  return (scope: Scope): Campaign | null => running.find((c) => covers(scopeOfCampaign(c), scope, provinceOf)) ?? null;
}
