import { rateOf, type Rate } from "./rate";

/** A commune with fewer support staff than this is flagged (docs/design.md, from Cửa Nam's practice). */
export const MIN_SUPPORT_STAFF = 2;

/** Villages or residential groups with at least one active team / all of them. */
export function teamCoverage(villagesWithTeam: number, villagesTotal: number): Rate {
  return rateOf(villagesWithTeam, villagesTotal);
}

/**
 * Households visited door to door / households of a village: how far its teams have gone (the
 * village measure: villages have no eligible population of their own). No household count: none.
 */
export function visitCoverage(householdsVisited: number, households: number | null): Rate {
  return rateOf(householdsVisited, households ?? 0);
}

export function supportStaffFlagged(supportStaff: number): boolean {
  return supportStaff < MIN_SUPPORT_STAFF;
}
