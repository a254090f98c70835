import { describe, expect, it } from "vitest";
import { csvRowKey, isHeaderRow, readCsvHeader, reportFromCsvRecord } from "./csv-row";

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
    // a comma-separated file: the dot may be a decimal mark
    [{ eidL2Activated: "1.046" }, "eidL2Activated", expect.stringMatching(/^số không rõ: dấu chấm/)],
    [{ eidL2Activated: "1,5" }, "eidL2Activated", "sai kiểu dữ liệu"],
    [{ eidL2Activated: "mười" }, "eidL2Activated", "sai kiểu dữ liệu"],
    [{ eidL2Activated: "1.046", asOf: "31/02/2025" }, "asOf", expect.stringMatching(/^ngày giờ không tồn tại/)],
    [{ asOf: "hôm qua" }, "asOf", "sai kiểu dữ liệu"],
    [{ mode: "" }, "mode", "thiếu trường bắt buộc"],
  ])("%j → column %s: %s", (override, column, vi) => {
    const { problems } = reportFromCsvRecord({ ...row, ...override }, 7);
    expect(problems).toContainEqual(expect.objectContaining({ line: 7, column, vi }));
  });

  it("reads Vietnamese thousands where the dot cannot be a decimal mark, and pads a commune code Excel shortened", () => {
    const counts = (value: string, decimalComma: boolean) =>
      reportFromCsvRecord({ ...row, eidL2Activated: value }, 2, { decimalComma }).report?.counters.eidL2Activated;
    expect(counts("1.046", true)).toBe(1046);
    expect(counts("1.234.567", false)).toBe(1234567);
    expect(counts("1046", false)).toBe(1046);
    expect(reportFromCsvRecord({ ...row, communeCode: "82" }, 2).report?.communeCode).toBe("00082");
  });

  it("takes a row with no figure at all as blank, not as a report", () => {
    expect(reportFromCsvRecord({ ...row, eidL2Activated: "" }, 2)).toEqual({ blank: true });
    expect(reportFromCsvRecord({ ...row, eidL2Activated: "0" }, 2).report?.counters).toEqual({ eidL2Activated: 0 });
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
  it("is the first row naming two known columns: a title line is not one", () => {
    expect(isHeaderRow(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", ""])).toBe(false);
    expect(isHeaderRow(["Mã xã", "Ghi chú"])).toBe(false);
    expect(isHeaderRow(["Mã xã", "Thời điểm", "Ghi chú"])).toBe(true);
  });

  it("refuses an unknown column by itself, with the list of known ones, and names missing required ones", () => {
    const { problems } = readCsvHeader(["communeCode", "asOf", "reporter", "Họ tên"]);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: "Họ tên",
        vi: expect.stringMatching(/^cột không được hỗ trợ; các cột hợp lệ: communeCode, villageCode, asOf/),
      }),
      expect.objectContaining({ line: 1, column: "mode", en: "is required" }),
    ]);
    expect(problems[0]?.en).toContain("known columns: communeCode, villageCode, asOf, reporter, mode, cccdIssued");
  });

  it("reads Vietnamese column names and English ones whatever their case or diacritics", () => {
    const header = [
      "Mã xã",
      "MA THON",
      "Thời điểm",
      "don vi bao cao",
      "Hình thức",
      "Số tài khoản kích hoạt mức 2",
      "COMMUNECODE",
    ];
    const { columns, problems } = readCsvHeader(header.slice(0, 6));
    expect(columns).toEqual(["communeCode", "villageCode", "asOf", "reporter", "mode", "eidL2Activated"]);
    expect(problems).toEqual([]);
    // the same column twice (in two languages) is named
    expect(readCsvHeader(header).problems).toEqual([
      expect.objectContaining({ column: "COMMUNECODE", en: "appears twice in the header" }),
    ]);
  });
});

describe("Vietnamese dates and modes", () => {
  it.each([
    ["01/08/2025", "2025-08-01T05:00:00.000Z"],
    ["1/8/2025 09:30", "2025-08-01T02:30:00.000Z"],
    ["01-08-2025 17:05:09", "2025-08-01T10:05:09.000Z"],
    ["2025-08-01 09:30", "2025-08-01T02:30:00.000Z"],
  ])("%s is day first, Vietnam time → %s", (asOf, iso) => {
    expect(reportFromCsvRecord({ ...row, asOf }, 2).report?.asOf.toISOString()).toBe(iso);
  });

  it.each([
    ["31/02/2025", "ngày giờ không tồn tại (ví dụ 31/02/2025 hoặc 25:00)"],
    ["2025-02-30", "ngày giờ không tồn tại (ví dụ 31/02/2025 hoặc 25:00)"],
    ["01/08/2025 25:00", "ngày giờ không tồn tại (ví dụ 31/02/2025 hoặc 25:00)"],
    ["01/08/25", "ngày không rõ: ghi ngày/tháng/năm với năm đủ 4 chữ số, ví dụ 01/08/2025"],
  ])("%s is refused by name: %s", (asOf, vi) => {
    expect(reportFromCsvRecord({ ...row, asOf }, 9).problems).toEqual([
      { line: 9, column: "asOf", vi, en: expect.any(String) },
    ]);
  });

  it("names a cell holding a byte that was not UTF-8 (read as U+FFFD), whatever else the row holds", () => {
    expect(reportFromCsvRecord({ ...row, reporter: "C\uFFFDng an" }, 7).problems).toEqual([
      { line: 7, column: "reporter", vi: expect.stringContaining("UTF-8"), en: expect.stringContaining("Save As") },
    ]);
  });

  it("takes the mode in Vietnamese too", () => {
    expect(reportFromCsvRecord({ ...row, mode: "Tăng thêm" }, 2).report?.mode).toBe("increment");
    expect(reportFromCsvRecord({ ...row, mode: "lũy kế" }, 2).report?.mode).toBe("snapshot");
    expect(reportFromCsvRecord({ ...row, mode: "luỹ kế" }, 2).report?.mode).toBe("snapshot");
  });
});
