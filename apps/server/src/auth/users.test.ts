import { describe, expect, it } from "vitest";
import { oneTimePassword } from "./users";

describe("one-time passwords", () => {
  it("are 16 characters without look-alikes (0, O, 1, l, I)", () => {
    for (let i = 0; i < 100; i++) expect(oneTimePassword()).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
  });

  it("draw every character equally often (a byte modulo 54 made 14 of them 20 % rarer)", () => {
    const counts = new Map<string, number>();
    const passwords = 20_000;
    for (let i = 0; i < passwords; i++)
      for (const character of oneTimePassword()) counts.set(character, (counts.get(character) ?? 0) + 1);
    expect(counts.size).toBe(54);
    const expected = (passwords * 16) / 54;
    // ±7 % is more than 5 standard deviations of a fair draw; the biased one was 16 % off.
    for (const [character, count] of counts) {
      expect({ character, off: Math.abs(count - expected) / expected < 0.07 }).toEqual({ character, off: true });
    }
  });
});
