import type { Database } from "@pulse/db/client";
import {
  getCommunesProgress,
  listCampaigns,
  listProvinceProgress,
  listReportsById,
  type RecentReport,
} from "@pulse/db/queries";
import { hcmDay } from "@pulse/indicators";
import type { ProgressChanged, Room } from "@pulse/schema";
import { totalOf, withIndicators, type UnitProgress } from "./progress-view";

export type RoomTotal = ReturnType<typeof totalOf>;
export type LiveProgress = ProgressChanged<UnitProgress, RoomTotal, RecentReport>;

/** A room due for a push, and the communes that changed in it since its last one. */
export interface RoomChange {
  room: Room;
  communeCodes: string[];
  /** the newest reports behind the change (for the recent-activity ticker) */
  reportIds: number[];
  /** commune code → province code, for every changed commune */
  provinceOf: Map<string, string>;
}

/**
 * The state every due room is pushed, read in three queries whatever the number of rooms: the
 * changed communes, the 34 provinces (the nation is their sum) and the reports behind them. Pace is measured against the
 * national campaign, as the default views are; a view on another campaign refetches.
 */
export async function readRoomStates(db: Database, changes: RoomChange[], now: Date): Promise<LiveProgress[]> {
  const communeCodes = [...new Set(changes.flatMap((c) => c.communeCodes))];
  const needsProvinces = changes.some((c) => !c.room.startsWith("commune:"));
  const today = hcmDay(now);
  const [campaigns, communeRows, provinceRows, reports] = await Promise.all([
    listCampaigns(db),
    getCommunesProgress(db, { communeCodes, today }),
    needsProvinces ? listProvinceProgress(db, { today }) : Promise.resolve([]),
    listReportsById(db, [...new Set(changes.flatMap((c) => c.reportIds))]),
  ]);
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const campaign = campaigns.find((c) => c.scopeKind === "nation") ?? null;
  const communes = new Map(withIndicators(communeRows, campaign, now).map((row) => [row.code, row]));
  const provinces = withIndicators(provinceRows, campaign, now);
  const at = now.toISOString();
  return changes.flatMap((change): LiveProgress[] => {
    const { room } = change;
    const activity = change.reportIds.flatMap((id) => reportById.get(id) ?? []).reverse();
    const changedCommunes = change.communeCodes.flatMap((code) => communes.get(code) ?? []);
    if (room.startsWith("commune:")) {
      const [unit] = changedCommunes;
      return unit
        ? [{ room, version: unit.version, communeCodes: [unit.code], units: [unit], total: null, activity, at }]
        : [];
    }
    if (room === "nation") {
      const changedProvinces = new Set(change.communeCodes.map((code) => change.provinceOf.get(code)));
      const total = totalOf(provinceRows, campaign, now);
      const units = provinces.filter((p) => changedProvinces.has(p.code));
      return [{ room, version: total.version, communeCodes: change.communeCodes, units, total, activity, at }];
    }
    const provinceCode = room.slice("province:".length);
    const province = provinceRows.filter((p) => p.code === provinceCode);
    const total = totalOf(province, campaign, now);
    return [
      { room, version: total.version, communeCodes: change.communeCodes, units: changedCommunes, total, activity, at },
    ];
  });
}
