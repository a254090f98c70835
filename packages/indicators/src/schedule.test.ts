import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dueSlot,
  hcmMinuteOfDay,
  latestSlot,
  minuteOfDayOf,
  nextSlot,
  timeOfDay,
  type DeliverySchedule,
} from "./schedule";

const hcm = (at: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);

const schedules = fc.oneof(
  fc.record({
    cadence: fc.constant("daily" as const),
    weekday: fc.constant(null),
    minuteOfDay: fc.integer({ min: 0, max: 1439 }),
  }),
  fc.record({
    cadence: fc.constant("weekly" as const),
    weekday: fc.integer({ min: 1, max: 7 }),
    minuteOfDay: fc.integer({ min: 0, max: 1439 }),
  }),
);
const instants = fc.date({
  min: new Date("2025-01-01T00:00:00Z"),
  max: new Date("2030-12-31T00:00:00Z"),
  noInvalidDate: true,
});
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

describe("delivery schedule (Viet Nam time)", () => {
  it("a daily 07:00 report: today's when it is past 07:00 in Ha Noi, else yesterday's", () => {
    const daily: DeliverySchedule = { cadence: "daily", weekday: null, minuteOfDay: minuteOfDayOf("07:00") };
    // 00:30 UTC is 07:30 in Viet Nam; 23:30 UTC the evening before is 06:30
    expect(latestSlot(daily, new Date("2026-12-04T00:30:00Z")).toISOString()).toBe("2026-12-04T00:00:00.000Z");
    expect(latestSlot(daily, new Date("2026-12-03T23:30:00Z")).toISOString()).toBe("2026-12-03T00:00:00.000Z");
    expect(latestSlot(daily, new Date("2026-12-04T00:00:00Z")).toISOString()).toBe("2026-12-04T00:00:00.000Z");
    expect(nextSlot(daily, new Date("2026-12-04T00:00:00Z")).toISOString()).toBe("2026-12-05T00:00:00.000Z");
  });

  it("a weekly Monday 08:00 report, asked on Friday 4 December 2026: Monday 30 November's", () => {
    const weekly: DeliverySchedule = { cadence: "weekly", weekday: 1, minuteOfDay: 480 };
    expect(latestSlot(weekly, new Date("2026-12-04T10:00:00Z")).toISOString()).toBe("2026-11-30T01:00:00.000Z");
    expect(nextSlot(weekly, new Date("2026-12-04T10:00:00Z")).toISOString()).toBe("2026-12-07T01:00:00.000Z");
  });

  it("the latest slot is at or before the time asked, the next after it, one period apart, at the set time and day", () => {
    fc.assert(
      fc.property(schedules, instants, (schedule, at) => {
        const latest = latestSlot(schedule, at);
        const next = nextSlot(schedule, at);
        expect(latest.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(next.getTime()).toBeGreaterThan(at.getTime());
        expect(next.getTime() - latest.getTime()).toBe((schedule.cadence === "daily" ? 1 : 7) * 86_400_000);
        const [weekday, time] = hcm(latest).split(" ");
        expect(time).toBe(timeOfDay(schedule.minuteOfDay));
        if (schedule.weekday !== null) expect(weekday).toBe(WEEKDAYS[schedule.weekday - 1]);
      }),
    );
  });

  it("times of day read and print as HH:MM", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1439 }), (minute) => minuteOfDayOf(timeOfDay(minute)) === minute));
  });
});

describe("the delivery due", () => {
  const daily: DeliverySchedule = { cadence: "daily", weekday: null, minuteOfDay: 420 };
  const at = new Date("2026-12-04T00:05:00Z"); // 07:05 in Ha Noi
  it("is today's 07:00 for a subscription made within that minute or before", () => {
    expect(dueSlot({ ...daily, createdAt: new Date("2026-12-04T00:00:40Z") }, at)?.toISOString()).toBe(
      "2026-12-04T00:00:00.000Z",
    );
    expect(dueSlot({ ...daily, createdAt: new Date("2026-11-01T00:00:00Z") }, at)?.toISOString()).toBe(
      "2026-12-04T00:00:00.000Z",
    );
  });
  it("is none for one made after it (its first is tomorrow's)", () => {
    expect(dueSlot({ ...daily, createdAt: new Date("2026-12-04T00:01:00Z") }, at)).toBeNull();
  });
});

describe("the minute of the day in Viet Nam", () => {
  it("is the time a clock in Ha Noi shows", () => {
    fc.assert(fc.property(instants, (at) => timeOfDay(hcmMinuteOfDay(at)) === hcm(at).split(" ")[1]));
  });
});
