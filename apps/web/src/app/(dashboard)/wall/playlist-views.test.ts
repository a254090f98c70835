import { describe, expect, it } from "vitest";
import { playlistParams, viewPath, withinHours } from "./playlist-views";

describe("playlist address", () => {
  it("reads views, seconds and hours", () => {
    const parsed = playlistParams.parse({
      views: "commune:00082,villages:00082,province:01,nation",
      every: "15",
      on: "07:00",
      off: "18:30",
    });
    expect(parsed.views.map(viewPath)).toEqual([
      "/wall/commune/00082",
      "/wall/commune/00082/villages",
      "/wall/province/01",
      "/wall/nation",
    ]);
    expect(parsed).toMatchObject({ every: 15, on: "07:00", off: "18:30" });
    expect(playlistParams.parse({ views: "nation" }).every).toBe(20);
  });

  it("names what is wrong", () => {
    const fields = (input: Record<string, string>) => {
      const result = playlistParams.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => [i.path[0], i.message]);
    };
    expect(fields({ views: "commune:123,nation" })[0]).toEqual(["views", "commune:123"]);
    expect(fields({ views: "nation", every: "1" })[0]?.[0]).toBe("every");
    expect(fields({ views: "nation", on: "7h" })[0]?.[0]).toBe("on");
    expect(fields({ views: "nation", on: "07:00" })[0]?.[0]).toBe("off");
    expect(fields({})[0]?.[0]).toBe("views");
  });
});

describe("withinHours", () => {
  it("handles a day window and one across midnight", () => {
    expect(withinHours("06:59", "07:00", "18:00")).toBe(false);
    expect(withinHours("07:00", "07:00", "18:00")).toBe(true);
    expect(withinHours("18:00", "07:00", "18:00")).toBe(false);
    expect(withinHours("23:00", "22:00", "06:00")).toBe(true);
    expect(withinHours("12:00", "22:00", "06:00")).toBe(false);
  });
});
