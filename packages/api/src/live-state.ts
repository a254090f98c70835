import type { Database } from "@pulse/db/client";
import {
  getCommunesProgress,
  listCampaigns,
  listProvinceProgress,
  listProvinceVersions,
  listReportsById,
  type RecentReport,
  type UnitProgressRow,
} from "@pulse/db/queries";
import { hcmDay } from "@pulse/indicators";
import type { ProgressChanged, Room } from "@pulse/schema";
import { totalOf, withIndicators, type UnitProgress } from "./progress-view";

export type RoomTotal = ReturnType<typeof totalOf>;
/** A push as it travels: deltas of units and total (see `@pulse/schema` live-delta). */
export type LiveProgress = ProgressChanged<RecentReport>;

/** A room's state as read for a push, before the hub turns it into deltas. */
export interface RoomState extends Omit<LiveProgress, "units" | "total"> {
  units: UnitProgress[];
  total: RoomTotal | null;
}

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
 * The provinces' progress, kept between pushes: each read asks the database for every province's
 * version (cheap) and re-reads only those that moved — whichever process's reports moved them —
 * and all of them when the day turns (the 7-day pace window moves).
 */
function provinceCache(db: Database) {
  const rows = new Map<string, UnitProgressRow>();
  let day = "";
  return async (today: string): Promise<UnitProgressRow[]> => {
    if (today !== day) rows.clear();
    day = today;
    const versions = await listProvinceVersions(db);
    const moved = versions.filter((p) => rows.get(p.code)?.version !== p.version).map((p) => p.code);
    for (const row of await listProvinceProgress(db, { today, provinceCodes: moved })) rows.set(row.code, row);
    return versions.flatMap((p) => rows.get(p.code) ?? []);
  };
}

/**
 * Reads the state every due room is pushed, in four small queries whatever the number of rooms:
 * the changed communes, the provinces' versions (and the progress of those that moved; the
 * nation is their sum), the campaigns, and the reports behind the changes.
 */
export function createRoomStateReader(db: Database) {
  const provincesOf = provinceCache(db);
  return async (changes: RoomChange[], now: Date): Promise<RoomState[]> => {
    const communeCodes = [...new Set(changes.flatMap((c) => c.communeCodes))];
    const needsProvinces = changes.some((c) => !c.room.startsWith("commune:"));
    const today = hcmDay(now);
    const [campaigns, communeRows, provinceRows, reports] = await Promise.all([
      listCampaigns(db),
      getCommunesProgress(db, { communeCodes, today }),
      needsProvinces ? provincesOf(today) : Promise.resolve([]),
      listReportsById(db, [...new Set(changes.flatMap((c) => c.reportIds))]),
    ]);
    return statesOf(changes, { campaigns, communeRows, provinceRows, reports }, now);
  };
}

function statesOf(
  changes: RoomChange[],
  {
    campaigns,
    communeRows,
    provinceRows,
    reports,
  }: {
    campaigns: Awaited<ReturnType<typeof listCampaigns>>;
    communeRows: UnitProgressRow[];
    provinceRows: UnitProgressRow[];
    reports: RecentReport[];
  },
  now: Date,
): RoomState[] {
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const campaign = campaigns.find((c) => c.scopeKind === "nation") ?? null;
  const communes = new Map(withIndicators(communeRows, campaign, now).map((row) => [row.code, row]));
  const provinces = withIndicators(provinceRows, campaign, now);
  const at = now.toISOString();
  return changes.flatMap((change): RoomState[] => {
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
