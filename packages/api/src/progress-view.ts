import {
  hcmDay,
  indicatorsOf,
  sumCounts,
  type CampaignWindow,
  type UnitCounts,
  type UnitIndicators,
} from "@pulse/indicators";
import type { UnitProgressRow } from "@pulse/db/queries";
import { COUNTER_KEYS } from "@pulse/schema";

export type UnitProgress = UnitProgressRow & { indicators: UnitIndicators };

const SUMMED_KEYS = [
  "eligible",
  ...COUNTER_KEYS,
  "villagesTotal",
  "villagesWithTeam",
  "supportStaff",
  "activatedLast7Days",
] as const satisfies readonly (keyof UnitCounts)[];

/** A row from the database, with every indicator computed by the shared package. */
export function withIndicatorsOf(row: UnitProgressRow, campaign: CampaignWindow | null, now: Date): UnitProgress {
  return { ...row, indicators: indicatorsOf(row, campaign, hcmDay(now)) };
}

export function withIndicators(rows: UnitProgressRow[], campaign: CampaignWindow | null, now: Date): UnitProgress[] {
  return rows.map((row) => withIndicatorsOf(row, campaign, now));
}

/** A total over units: sums of counters, then the indicators of the sums. */
export function totalOf(rows: UnitProgressRow[], campaign: CampaignWindow | null, now: Date) {
  const counts = sumCounts(rows, SUMMED_KEYS);
  return {
    ...counts,
    communes: rows.reduce((n, row) => n + row.communes, 0),
    /** sum of the communes' versions: grows with every change inside, the same in every process */
    version: rows.reduce((n, row) => n + row.version, 0),
    isDemo: rows.some((row) => row.isDemo),
    lastReportAt: rows.reduce<string | null>(
      (latest, row) => (row.lastReportAt && (!latest || row.lastReportAt > latest) ? row.lastReportAt : latest),
      null,
    ),
    indicators: indicatorsOf(counts, campaign, hcmDay(now)),
  };
}
