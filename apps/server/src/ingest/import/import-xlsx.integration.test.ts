import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { queryRows, type Database } from "@pulse/db/client";
import { testEnv } from "@pulse/db/testing";
import { systemImportWriter } from "@pulse/api/testing";
import { seededImportSuite } from "./import-suite";
import type { CsvProblem } from "@pulse/schema";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importFile, type ImportFileOptions } from "./import-file";

const dir = mkdtempSync(join(tmpdir(), "pulse-xlsx-"));
const HEADER = ["Mã xã", "Mã thôn", "Thời điểm", "Đơn vị báo cáo", "Hình thức", "Số tài khoản kích hoạt mức 2"];
/** 09:30 on 1 August 2025 as Excel can read it back: 1 ms early, and with no zone */
const EXCEL_0930 = new Date(Date.UTC(2025, 7, 1, 9, 30) - 1);

/** A workbook written by the library, as a back office's Excel would save it. */
async function workbook(name: string, sheets: Record<string, ExcelJS.CellValue[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName);
    rows.forEach((cells, i) => {
      if (cells.length > 0) sheet.getRow(i + 1).values = cells;
    });
    sheet.getColumn(3).numFmt = "dd/mm/yyyy hh:mm";
  }
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

async function ledger(db: Database, communeCode: string) {
  const rows = await queryRows<{ asOf: string; activated: number }>(
    db,
    sql`select to_char(as_of at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "asOf", d_eid_l2_activated as activated
        from reports where commune_code = ${communeCode} and source = 'csv' order by as_of, id`,
  );
  const [counters] = await queryRows<{ activated: number }>(
    db,
    sql`select eid_l2_activated as activated from commune_counters where commune_code = ${communeCode}`,
  );
  return { reports: rows, activated: counters?.activated ?? 0 };
}

describe(`Excel workbooks imported, on ${testEnv.PULSE_TEST_DB}`, () => {
  const suite = seededImportSuite(dir);
  const run = async (path: string, options: Partial<ImportFileOptions> = {}) => {
    const problems: CsvProblem[] = [];
    const { writer } = await systemImportWriter(suite.db);
    const result = await importFile(suite.db, path, writer, {
      skipInvalid: false,
      ...options,
      onProblem: (p) => problems.push(p),
    });
    return { result, problems };
  };

  it("imports a workbook as Excel keeps it, and the same workbook again adds nothing", async () => {
    const before = await ledger(suite.db, "00082");
    const path = await workbook("thang8.xlsx", {
      "Báo cáo": [
        HEADER,
        ["00082", "00082-001", EXCEL_0930, "Công an phường Cửa Nam", "tăng thêm", { formula: "3+4", result: 7 }],
        [],
        // Excel turned the code 00082 into the number 82; a date typed as text, day first
        [82, null, "02/08/2025", { richText: [{ text: "Đoàn " }, { text: "thanh niên" }] }, "Tăng thêm", 5],
      ],
    });
    const { result, problems } = await run(path);
    expect(problems).toEqual([]);
    expect(result).toMatchObject({ status: "imported", rows: 2, imported: 2, blank: 0 });
    const after = await ledger(suite.db, "00082");
    expect(after.activated).toBe(before.activated + 12);
    // 09:30 Vietnam time to the second, and a date alone as noon that day
    expect(after.reports.filter((r) => !before.reports.some((b) => b.asOf === r.asOf))).toEqual([
      { asOf: "2025-08-01T02:30:00Z", activated: 7 },
      { asOf: "2025-08-02T05:00:00Z", activated: 5 },
    ]);
    const again = await run(path);
    expect(again.result).toMatchObject({ status: "imported", imported: 0, duplicates: 2 });
    expect((await ledger(suite.db, "00082")).activated).toBe(after.activated);
  });

  it("names a bad cell by the row number Excel shows and the column as its header says; nothing written", async () => {
    const before = await ledger(suite.db, "00082");
    const path = await workbook("loi.xlsx", {
      Sheet1: [
        HEADER,
        ["00082", "", EXCEL_0930, "Tổ CNS", "tăng thêm", 4],
        [],
        [],
        ["00082", "", EXCEL_0930, "Tổ CNS", "tăng thêm", -3],
      ],
    });
    const { result, problems } = await run(path);
    expect(result).toMatchObject({ status: "rejected", rows: 2, invalidRows: 1 });
    expect(problems.map((p) => [p.line, p.column, p.vi])).toEqual([
      [5, "Số tài khoản kích hoạt mức 2", "không được âm"],
    ]);
    expect(await ledger(suite.db, "00082")).toEqual(before);
  });

  it("reads a government report's sheet: title rows above the header, row numbers still Excel's", async () => {
    const path = await workbook("bao-cao-tinh.xlsx", {
      "Báo cáo": [
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["Độc lập - Tự do - Hạnh phúc"],
        [],
        ["BÁO CÁO TIẾN ĐỘ KÍCH HOẠT ĐỊNH DANH ĐIỆN TỬ MỨC 2"],
        HEADER,
        ["00082", "00082-003", EXCEL_0930, "Tổ CNS", "tăng thêm", 6],
        ["00082", "00082-003", EXCEL_0930, "Tổ CNS", "tăng thêm", "sáu"],
      ],
    });
    const { result, problems } = await run(path);
    expect(problems.map((p) => [p.line, p.column])).toEqual([[7, "Số tài khoản kích hoạt mức 2"]]);
    expect(result).toMatchObject({ status: "rejected", rows: 2, invalidRows: 1 });
    expect((await run(path, { skipInvalid: true })).result).toMatchObject({ status: "imported", imported: 1 });
  });

  it("reads the sheet named, whatever its case or diacritics, and refuses a sheet the workbook lacks", async () => {
    const path = await workbook("hai-trang.xlsx", {
      "Hướng dẫn": [["Điền số liệu vào trang Báo cáo T8"]],
      "Báo cáo T8": [HEADER, ["00082", "00082-002", EXCEL_0930, "Tổ CNS", "tăng thêm", 2]],
    });
    const first = await run(path);
    expect(first.result.status).toBe("rejected");
    const named = await run(path, { sheet: "bao cao t8" });
    expect(named.result).toMatchObject({ status: "imported", imported: 1 });
    const missing = await run(path, { sheet: "Tháng 9" });
    expect(missing.result).toMatchObject({ status: "rejected", problems: 1 });
    expect(missing.problems).toEqual([
      expect.objectContaining({
        line: 1,
        vi: "tệp không có trang tính này (Tháng 9); các trang trong tệp: Hướng dẫn, Báo cáo T8",
        en: "the file has no such sheet (Tháng 9); its sheets: Hướng dẫn, Báo cáo T8",
      }),
    ]);
  });

  it("refuses an Excel 97-2003 file and a damaged workbook by saying what to do, writing nothing", async () => {
    const before = await ledger(suite.db, "00082");
    const xls = join(dir, "cu.xls");
    writeFileSync(xls, Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)]));
    const damaged = join(dir, "hong.xlsx");
    writeFileSync(damaged, Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.from("không phải zip")]));
    const old = await run(xls);
    expect(old.result.status).toBe("rejected");
    expect(old.problems[0]?.vi).toMatch(/^tệp Excel 97-2003 \(\.xls\) không đọc được: trong Excel chọn Lưu thành/);
    const broken = await run(damaged);
    expect(broken.result.status).toBe("rejected");
    expect(broken.problems[0]?.en).toMatch(/^the file cannot be read as an Excel workbook/);
    expect(await ledger(suite.db, "00082")).toEqual(before);
  });
});
