import { z } from "zod";
import { communeCode, villageCode } from "./codes";
import { count } from "./counters";
import { reportSource } from "./report";
import { asOfTime, singleLineText } from "./text";

/** What every ledger entry carries: who, when, where from, and the key that makes it count once. */
const ledgerEnvelope = {
  idempotencyKey: z.uuid(),
  communeCode,
  asOf: asOfTime,
  reporter: singleLineText(1, 120),
  source: reportSource,
};

export const TEAM_KINDS = ["community_team", "mobile_point"] as const;

/**
 * A change to a commune's teams, through the ledger: a community digital-transformation team
 * (per village or residential group) or a mobile digital-literacy point formed or disbanded,
 * or the number of support staff assigned to the commune set.
 */
export const teamChange = z.object({
  ...ledgerEnvelope,
  villageCode: villageCode.optional(),
  change: z.discriminatedUnion("action", [
    z
      .object({
        action: z.literal("teamFormed"),
        teamKind: z.enum(TEAM_KINDS),
        name: singleLineText(1, 200),
        members: count.max(1000).default(1),
      })
      .strict(),
    z.object({ action: z.literal("teamDisbanded"), teamId: z.number().int().positive() }).strict(),
    z.object({ action: z.literal("supportStaffSet"), members: count.max(10_000) }).strict(),
  ]),
});
export type TeamChange = z.infer<typeof teamChange>;

/** A commune's eligible population (the denominator) as of a date, through the ledger. */
export const baselineChange = z.object({
  ...ledgerEnvelope,
  eligible: count,
  population: count.optional(),
  effectiveOn: z.iso.date(),
});
export type BaselineChange = z.infer<typeof baselineChange>;
