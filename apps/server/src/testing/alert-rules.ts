import type { Database } from "@pulse/db/client";
import { listCampaigns, setAlertRules } from "@pulse/db/queries";
import type { AlertRules } from "@pulse/schema";

/** The alert tests' rules on every campaign: silent after 60 minutes, no pace rule, screens dark after 15, on-hours all day. */
export async function setTestAlertRules(db: Database, updatedBy: string, rules: Partial<AlertRules> = {}) {
  for (const c of await listCampaigns(db))
    await setAlertRules(db, {
      campaignId: c.id,
      silentMinutes: 60,
      paceBehind: false,
      screenDarkMinutes: 15,
      onHoursStart: 0,
      onHoursEnd: 1440,
      ...rules,
      updatedBy,
      at: new Date(),
    });
}
