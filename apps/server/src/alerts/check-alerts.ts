import { covers, governingCampaign, withIndicatorsOf, type ProvinceOf } from "@pulse/api";
import type { Database } from "@pulse/db/client";
import {
  alertScopeOf,
  listAlertEmailUsers,
  listAlertRules,
  listCampaigns,
  listCommuneLastReports,
  listCommuneProgress,
  listKioskTokens,
  listOpenAlerts,
  listUserScopes,
  raiseAlerts,
  recordNotices,
  resolveAlerts,
  rulesOf,
  type AlertRow,
  type NewAlert,
} from "@pulse/db/queries";
import { hcmDay, hcmMinuteOfDay, screenHealthOf } from "@pulse/indicators";
import type { AlertKind, Scope } from "@pulse/schema";

const MINUTE_MS = 60_000;
type CampaignPicker = ReturnType<typeof governingCampaign>;
type Rules = Awaited<ReturnType<typeof listAlertRules>>;

/** Communes without a report for their campaign's silence threshold (counted from its start when none came yet). */
async function silentCommunes(db: Database, now: Date, pick: CampaignPicker, rules: Rules) {
  const communes = await listCommuneLastReports(db);
  return communes.flatMap((commune): NewAlert[] => {
    const scope: Scope = { kind: "commune", code: commune.code };
    const campaign = pick(scope);
    if (!campaign) return [];
    const { silentMinutes } = rulesOf(rules, campaign.id);
    const since = commune.lastReportAt ?? new Date(`${campaign.startsOn}T00:00:00+07:00`);
    if (now.getTime() - since.getTime() < silentMinutes * MINUTE_MS) return [];
    return [
      {
        kind: "silent",
        subject: `commune:${commune.code}`,
        scope,
        provinceCode: commune.provinceCode,
        campaignId: campaign.id,
        since: commune.lastReportAt,
        details: { name: { vi: commune.fullName, en: commune.fullNameEn }, silentMinutes },
      },
    ];
  });
}

/** Communes whose pace, against their campaign, is "behind" (where the campaign's rules ask for it). */
async function behindCommunes(db: Database, now: Date, pick: CampaignPicker, rules: Rules, provinceOf: ProvinceOf) {
  const rows = await listCommuneProgress(db, { today: hcmDay(now) });
  return rows.flatMap((row): NewAlert[] => {
    const scope: Scope = { kind: "commune", code: row.code };
    const campaign = pick(scope);
    if (!campaign || !rulesOf(rules, campaign.id).paceBehind) return [];
    const pace = withIndicatorsOf(row, campaign, now).indicators.pace;
    if (pace?.status !== "behind") return [];
    return [
      {
        kind: "behind",
        subject: `commune:${row.code}`,
        scope,
        provinceCode: provinceOf(row.code) ?? null,
        campaignId: campaign.id,
        since: null,
        details: {
          name: { vi: row.fullName, en: row.fullNameEn },
          requiredPerDay: pace.requiredPerDay === null ? null : Math.ceil(pace.requiredPerDay),
          currentPerDay: Math.round(pace.currentPerDay),
        },
      },
    ];
  });
}

/** Screens in use that went dark longer ago than their threshold, inside their on-hours (their own, or their campaign's). */
async function darkScreens(db: Database, now: Date, pick: CampaignPicker, rules: Rules, provinceOf: ProvinceOf) {
  const tokens = await listKioskTokens(db);
  const minute = hcmMinuteOfDay(now);
  return tokens.flatMap((token): NewAlert[] => {
    if (token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return [];
    const r = rulesOf(rules, pick(token.scope)?.id);
    // the screen's own on-hours when it has them (a TV switched off at night is not dark), else its campaign's
    const onHours = token.onHours ?? { start: r.onHoursStart, end: r.onHoursEnd };
    if (minute < onHours.start || minute >= onHours.end) return [];
    const { connected, darkSince } = screenHealthOf(token, now);
    if (connected || !darkSince || now.getTime() - darkSince.getTime() <= r.screenDarkMinutes * MINUTE_MS) return [];
    const provinceCode =
      token.scope.kind === "province"
        ? token.scope.code
        : token.scope.kind === "commune"
          ? (provinceOf(token.scope.code) ?? null)
          : null;
    return [
      {
        kind: "screenDark",
        subject: `kiosk:${token.id}`,
        scope: token.scope,
        provinceCode,
        campaignId: pick(token.scope)?.id ?? null,
        since: darkSince,
        details: { name: token.name, screenDarkMinutes: r.screenDarkMinutes },
      },
    ];
  });
}

/** Raises the alerts whose condition started and resolves those whose condition ended. */
async function reconcile(db: Database, kind: AlertKind, holding: NewAlert[], now: Date) {
  const open = await listOpenAlerts(db, kind);
  const openSubjects = new Set(open.map((a) => a.subject));
  const holdingSubjects = new Set(holding.map((a) => a.subject));
  const raised = await raiseAlerts(
    db,
    holding.filter((a) => !openSubjects.has(a.subject)),
    now,
  );
  const resolved = await resolveAlerts(
    db,
    open.filter((a) => !holdingSubjects.has(a.subject)).map((a) => a.id),
    now,
  );
  return { raised, resolved };
}

/**
 * One check of every rule at `now`. Idempotent and safe to run in every process at once: an
 * alert is raised by whichever process inserts it first (one open per rule and subject) and
 * resolved by whichever updates it first; only that process tells the users, once each.
 * Returns the users told, and those of them who also get it by email.
 */
export async function checkAlerts(
  db: Database,
  provinceOf: ProvinceOf,
  now: Date,
): Promise<{ raised: AlertRow[]; resolved: AlertRow[]; told: string[]; emailed: string[] }> {
  const [campaigns, rules] = await Promise.all([listCampaigns(db), listAlertRules(db)]);
  const pick = governingCampaign(campaigns, hcmDay(now), provinceOf);
  const silent = await reconcile(db, "silent", await silentCommunes(db, now, pick, rules), now);
  const behind = await reconcile(db, "behind", await behindCommunes(db, now, pick, rules, provinceOf), now);
  const dark = await reconcile(db, "screenDark", await darkScreens(db, now, pick, rules, provinceOf), now);
  const raised = [...silent.raised, ...behind.raised, ...dark.raised];
  const resolved = [...silent.resolved, ...behind.resolved, ...dark.resolved];
  if (raised.length + resolved.length === 0) return { raised, resolved, told: [], emailed: [] };
  const [users, emailUsers] = await Promise.all([listUserScopes(db), listAlertEmailUsers(db)]);
  const notices = [
    ...raised.map((alert) => ({ alert, event: "raised" as const })),
    ...resolved.map((alert) => ({ alert, event: "resolved" as const })),
  ].flatMap(({ alert, event }) => {
    const scope = alertScopeOf(alert);
    if (!scope) return [];
    return users
      .filter((u) => covers(u.scope, scope, provinceOf))
      .flatMap(({ userId }) =>
        (emailUsers.has(userId) ? (["app", "email"] as const) : (["app"] as const)).map((channel) => ({
          alertId: alert.id,
          userId,
          event,
          channel,
          at: now,
        })),
      );
  });
  await recordNotices(db, notices);
  const usersOf = (channel: "app" | "email") => [
    ...new Set(notices.filter((n) => n.channel === channel).map((n) => n.userId)),
  ];
  return { raised, resolved, told: usersOf("app"), emailed: usersOf("email") };
}
