import type { VillageProgress } from "@pulse/db/queries";
import { visitCoverage, type Rate } from "@pulse/indicators";

export type VillageView = VillageProgress & {
  /** households visited door to door / households: how far the teams have gone in the village */
  visitCoverage: Rate;
};

/**
 * Villages ranked most behind first (lowest visit coverage; without a household count, last),
 * ties broken by fewer activations then by name.
 */
export function rankVillages(villages: VillageProgress[]): VillageView[] {
  const key = (v: VillageView) => (v.visitCoverage.tenths === null ? Infinity : v.visitCoverage.tenths);
  return villages
    .map((v) => ({ ...v, visitCoverage: visitCoverage(v.householdsVisited, v.households) }))
    .sort((a, b) => key(a) - key(b) || a.eidL2Activated - b.eidL2Activated || a.name.localeCompare(b.name, "vi"));
}
