import { describe, expect, it } from "vitest";
import { lateness } from "./lateness";

describe("lateness", () => {
  const at = "2026-12-02T10:00:00Z";
  it("is nothing within the hour, and whole hours, then whole days, after", () => {
    expect(lateness(at, "2026-12-02T10:59:59Z")).toBeNull();
    expect(lateness(at, "2026-12-02T11:00:00Z")).toEqual({ unit: "hours", count: 1 });
    expect(lateness(at, "2026-12-02T13:30:00Z")).toEqual({ unit: "hours", count: 3 });
    expect(lateness(at, "2026-12-03T09:59:00Z")).toEqual({ unit: "hours", count: 23 });
    expect(lateness(at, "2026-12-04T10:00:00Z")).toEqual({ unit: "days", count: 2 });
  });
  it("is nothing for a report stamped after it arrived (a phone clock ahead) or an unreadable time", () => {
    expect(lateness("2026-12-02T10:04:00Z", at)).toBeNull();
    expect(lateness("not a time", at)).toBeNull();
  });
});
