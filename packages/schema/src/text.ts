import { z } from "zod";

/** Control characters (C0, DEL, C1): invisible, and NUL is refused by Postgres itself. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Half of a surrogate pair with no other half: not Unicode text (Postgres refuses it in JSON). */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * A one-line name people type (a team, a screen, an account): trimmed, NFC (so "ư" typed on
 * two keyboards is one string), no control characters — each refused with its own rule.
 */
export function singleLineText(min: number, max: number) {
  return z
    .string()
    .refine((text) => !CONTROL_CHARACTERS.test(text), { params: { rule: "controlCharacter" }, abort: true })
    .refine((text) => !LONE_SURROGATE.test(text), { params: { rule: "malformedText" }, abort: true })
    .transform((text) => text.normalize("NFC").trim())
    .pipe(z.string().min(min).max(max));
}

/**
 * The earliest moment a report may describe: 1 July 2025, when today's 3,321 communes and wards
 * came into being (no unit in the geography exists before it, so no campaign starts earlier).
 */
export const EARLIEST_AS_OF = new Date("2025-07-01T00:00:00+07:00");

/** A report may be dated at most this far ahead of the server clock (clocks of phones drift). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** When the figures were true: not before the communes existed, not (much) in the future. */
export const asOfTime = z.coerce
  .date()
  .refine((asOf) => asOf.getTime() >= EARLIEST_AS_OF.getTime(), { params: { rule: "asOfTooEarly" }, abort: true })
  .refine((asOf) => asOf.getTime() <= Date.now() + MAX_CLOCK_SKEW_MS, { params: { rule: "futureAsOf" } });
