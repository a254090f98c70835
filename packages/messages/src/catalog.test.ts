import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { MESSAGES, problemText } from "./index";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalog as [dotted key, text]. */
function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

describe("message catalogs", () => {
  const vi = new Map(flatten(MESSAGES.vi));
  const en = new Map(flatten(MESSAGES.en));

  it("say the same things in Vietnamese and English", () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    for (const [key, text] of [...vi, ...en]) expect(text.trim(), key).not.toBe("");
  });

  it("hold Vietnamese in NFC, as the database and the PDFs do", () => {
    for (const [key, text] of vi) expect(text, key).toBe(text.normalize("NFC"));
  });

  it("are valid ICU messages taking the same arguments in both languages", () => {
    const argumentsOf = (text: string, locale: string) =>
      new IntlMessageFormat(text, locale)
        .getAst()
        .flatMap((part) => ("value" in part && part.type !== 0 ? [String(part.value)] : []))
        .sort();
    for (const [key, text] of vi) expect(argumentsOf(en.get(key) ?? "", "en"), key).toEqual(argumentsOf(text, "vi"));
  });
});

describe("problem texts", () => {
  it("come in both languages with their values filled in", () => {
    expect(problemText("keyReused", { key: "K-1" })).toEqual({
      vi: "Mã chống trùng K-1 đã dùng cho một báo cáo khác",
      en: "Idempotency key K-1 was already used for a different report",
    });
  });
});
