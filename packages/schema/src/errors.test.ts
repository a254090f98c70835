import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./errors";
import { countsReport } from "./report";

const valid = {
  idempotencyKey: "7f1c1c5e-4b7a-4c8e-9a39-2f5d6a1b2c3d",
  communeCode: "00082",
  asOf: "2025-08-01T09:00:00+07:00",
  reporter: "Công an phường",
  source: "field",
  mode: "increment",
  counters: { eidL2Activated: 12 },
};

function errorsFor(input: unknown) {
  const result = countsReport.safeParse(input);
  return result.success ? [] : fieldErrorsOf(result.error);
}

describe("validation errors name the field in Vietnamese and English", () => {
  it("accepts a valid report", () => {
    expect(errorsFor(valid)).toEqual([]);
  });

  it.each([
    [{ counters: { eidL2Activated: -1 } }, "counters.eidL2Activated", "không được âm"],
    [{ counters: { eidL2Activated: 1.5 } }, "counters.eidL2Activated", "phải là số nguyên"],
    [{ counters: { eidL2Activated: 10_000_001 } }, "counters.eidL2Activated", "quá lớn (tối đa 10.000.000)"],
    [{ counters: {} }, "counters", "báo cáo không có số liệu nào"],
    [{ counters: { eidL2Activated: 1, citizenName: 3 } }, "counters.citizenName", "trường không được hỗ trợ"],
    [{ communeCode: "82" }, "communeCode", "sai định dạng"],
    [{ asOf: new Date(Date.now() + 6 * 60_000).toISOString() }, "asOf", "thời điểm số liệu ở tương lai (quá 5 phút)"],
    [{ reporter: undefined }, "reporter", "thiếu trường bắt buộc"],
    [{ reporter: "\u0000" }, "reporter", "có ký tự điều khiển (không nhìn thấy được), ví dụ NUL"],
    [{ reporter: "Tổ 3\u0007" }, "reporter", "có ký tự điều khiển (không nhìn thấy được), ví dụ NUL"],
    [{ reporter: "   " }, "reporter", "quá ngắn"],
    [{ reporter: "Tổ \ud800" }, "reporter", "có ký tự hỏng (không phải văn bản Unicode hợp lệ)"],
    [{ asOf: "1999-01-01" }, "asOf", "trước ngày 01/07/2025, khi các xã, phường hiện nay được thành lập"],
    [
      { asOf: "2025-06-30T23:59:59+07:00" },
      "asOf",
      "trước ngày 01/07/2025, khi các xã, phường hiện nay được thành lập",
    ],
    [{ mode: "sideways" }, "mode", "phải là một trong: increment, snapshot"],
  ])("%j → %s", (override, field, vi) => {
    const errors = errorsFor({ ...valid, ...override });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field, vi });
    expect(errors[0]?.en.length).toBeGreaterThan(3);
  });

  it("keeps a reporter's name in NFC, trimmed, so one team is one string", () => {
    const decomposed = "To\u0302\u0309 co\u0302ng nghe\u0323\u0302 so\u0302\u0301 ";
    const parsed = countsReport.parse({ ...valid, reporter: decomposed });
    expect(parsed.reporter).toBe("Tổ công nghệ số");
    expect(parsed.reporter).toBe(parsed.reporter.normalize("NFC"));
  });

  it("accepts characters outside the basic plane (a surrogate pair is one character)", () => {
    expect(errorsFor({ ...valid, reporter: "Tổ 𠀧 📱" })).toEqual([]);
  });

  it("accepts the first moment of 1 July 2025 in Viet Nam", () => {
    expect(errorsFor({ ...valid, asOf: "2025-07-01T00:00:00+07:00" })).toEqual([]);
  });

  it("accepts an as-of up to 5 minutes ahead (phone clocks drift)", () => {
    expect(errorsFor({ ...valid, asOf: new Date(Date.now() + 4 * 60_000).toISOString() })).toEqual([]);
  });
});
