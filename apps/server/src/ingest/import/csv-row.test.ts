import { describe, expect, it } from "vitest";
import { csvHeaderProblems, csvRowKey, reportFromCsvRecord } from "./csv-row";

const row = {
  communeCode: "00082",
  villageCode: "00082-001",
  asOf: "2025-08-01 09:30",
  reporter: "Công an phường Cửa Nam",
  mode: "increment",
  eidL2Activated: "10",
  peopleTrained: "",
};

describe("a CSV row as a report", () => {
  it("reads Vietnam times, skips empty cells and marks the source as csv", () => {
    const { report } = reportFromCsvRecord(row, 2);
    expect(report).toMatchObject({
      communeCode: "00082",
      villageCode: "00082-001",
      source: "csv",
      counters: { eidL2Activated: 10 },
    });
    expect(report?.asOf.toISOString()).toBe("2025-08-01T02:30:00.000Z");
    expect(report?.counters).not.toHaveProperty("peopleTrained");
  });

  it("takes a date alone as noon in Vietnam, and keeps an explicit offset", () => {
    expect(reportFromCsvRecord({ ...row, asOf: "2025-08-01" }, 2).report?.asOf.toISOString()).toBe(
      "2025-08-01T05:00:00.000Z",
    );
    expect(reportFromCsvRecord({ ...row, asOf: "2025-08-01T09:30:00Z" }, 2).report?.asOf.toISOString()).toBe(
      "2025-08-01T09:30:00.000Z",
    );
  });

  it.each([
    [{ eidL2Activated: "-3" }, "eidL2Activated", "không được âm"],
    [{ eidL2Activated: "1.5" }, "eidL2Activated", "phải là số nguyên"],
    [{ eidL2Activated: "1.046" }, "eidL2Activated", "phải là số nguyên"],
    [{ eidL2Activated: "mười" }, "eidL2Activated", "sai kiểu dữ liệu"],
    [{ eidL2Activated: "" }, "counters", "báo cáo không có số liệu nào"],
    [{ asOf: "hôm qua" }, "asOf", "sai kiểu dữ liệu"],
    [{ mode: "" }, "mode", "thiếu trường bắt buộc"],
  ])("%j → column %s: %s", (override, column, vi) => {
    const { problems } = reportFromCsvRecord({ ...row, ...override }, 7);
    expect(problems).toContainEqual(expect.objectContaining({ line: 7, column, vi }));
  });

  it("derives the same key for the same line and content, another for a changed row or line", () => {
    expect(csvRowKey(2, row)).toBe(csvRowKey(2, { ...row }));
    expect(csvRowKey(2, row)).not.toBe(csvRowKey(3, row));
    expect(csvRowKey(2, row)).not.toBe(csvRowKey(2, { ...row, eidL2Activated: "11" }));
    expect(reportFromCsvRecord(row, 2).report?.idempotencyKey).toBe(csvRowKey(2, row));
  });

  it("uses the file's own idempotency key when it has one", () => {
    const idempotencyKey = "7f1c1c5e-4b7a-4c8e-9a39-2f5d6a1b2c3d";
    expect(reportFromCsvRecord({ ...row, idempotencyKey }, 2).report?.idempotencyKey).toBe(idempotencyKey);
  });
});

describe("the header row", () => {
  it("refuses unknown columns (no personal data) and names missing required ones", () => {
    expect(csvHeaderProblems(["communeCode", "asOf", "reporter", "citizenName"])).toEqual([
      expect.objectContaining({ line: 1, column: "citizenName", en: "is not a known field" }),
      expect.objectContaining({ line: 1, column: "mode", en: "is required" }),
    ]);
  });
});
