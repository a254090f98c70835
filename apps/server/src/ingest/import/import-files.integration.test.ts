import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { queryRows, type Database } from "@pulse/db/client";
import { testEnv } from "@pulse/db/testing";
import { systemImportWriter } from "@pulse/api/testing";
import { seededImportSuite } from "./import-suite";
import type { CsvProblem } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { importCsvFile } from "./import-csv";

const dir = mkdtempSync(join(tmpdir(), "pulse-files-"));

/** What Excel set to Vietnamese saves as "CSV": a BOM, semicolons, CRLF, Vietnamese headers, dd/mm/yyyy. */
const EXCEL_VI = [
  "Mã xã;Mã thôn;Thời điểm;Đơn vị báo cáo;Hình thức;Số tài khoản kích hoạt mức 2;Số người được hướng dẫn",
  '00082;;01/08/2025 09:30;"Công an phường Cửa Nam; tổ 1";Tăng thêm;7;3',
  "00082;;02/08/2025;Đoàn thanh niên;tăng thêm;5;",
];

async function activated(db: Database, communeCode: string): Promise<{ activated: number; ledger: number }> {
  const [row] = await queryRows<{ activated: number; ledger: number }>(
    db,
    sql`select c.eid_l2_activated as activated,
        (select count(*)::int from reports r where r.commune_code = c.commune_code) as ledger
      from commune_counters c where c.commune_code = ${communeCode}`,
  );
  return row ?? { activated: 0, ledger: 0 };
}

describe(`the files back offices have, on ${testEnv.PULSE_TEST_DB}`, () => {
  const suite = seededImportSuite(dir);

  const importFile = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const problems: CsvProblem[] = [];
    const { writer } = await systemImportWriter(suite.db);
    const result = await importCsvFile(suite.db, path, writer, {
      skipInvalid: false,
      onProblem: (p) => problems.push(p),
    });
    return { result, problems };
  };

  it("imports Excel's Vietnamese CSV: BOM, semicolons, CRLF, Vietnamese headers and dates, once", async () => {
    const before = await activated(suite.db, "00082");
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${EXCEL_VI.join("\r\n")}\r\n`)]);
    const { result, problems } = await importFile("excel-vi.csv", bytes);
    expect(problems).toEqual([]);
    expect(result).toMatchObject({ status: "imported", rows: 2, imported: 2 });
    expect(await activated(suite.db, "00082")).toEqual({
      activated: before.activated + 12,
      ledger: before.ledger + 2,
    });
    const [first] = await queryRows<{ asOf: string; reporter: string }>(
      suite.db,
      sql`select to_json(as_of)#>>'{}' as "asOf", reporter from reports
        where commune_code = '00082' and source = 'csv' order by id desc limit 1 offset 1`,
    );
    expect(new Date(first?.asOf ?? "").toISOString()).toBe("2025-08-01T02:30:00.000Z");
    expect(first?.reporter).toBe("Công an phường Cửa Nam; tổ 1");
    // the same file again counts nothing twice
    expect((await importFile("excel-vi-again.csv", bytes)).result).toMatchObject({ imported: 0, duplicates: 2 });
  });

  it("imports Excel's Unicode text (UTF-16, tabs)", async () => {
    const before = await activated(suite.db, "02026");
    const text = `\uFEFF${["communeCode\tasOf\treporter\tmode\teidL2Activated", "02026\t03/08/2025\tTổ số 2\tincrement\t4"].join("\r\n")}\r\n`;
    const { result, problems } = await importFile("unicode.txt", Buffer.from(text, "utf16le"));
    expect(problems).toEqual([]);
    expect(result).toMatchObject({ status: "imported", imported: 1 });
    expect((await activated(suite.db, "02026")).activated).toBe(before.activated + 4);
  });

  it("refuses a file in a legacy Vietnamese encoding, saying how to save it as UTF-8, and writes nothing", async () => {
    const before = await activated(suite.db, "00082");
    // "Công an phường" in Windows-1258 bytes (ô = 0xF4, ư = 0xFD, ờ = o + 0xEC… ): not UTF-8
    const legacy = Buffer.concat([
      Buffer.from("communeCode,asOf,reporter,mode,eidL2Activated\n00082,2025-08-01,C"),
      Buffer.from([0xf4]),
      Buffer.from("ng an ph"),
      Buffer.from([0xfd, 0xf5]),
      Buffer.from("ng,increment,3\n"),
    ]);
    const { result, problems } = await importFile("legacy.csv", legacy);
    expect(result).toMatchObject({ status: "rejected", imported: 0 });
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, column: "*", en: expect.stringContaining("Save As → CSV UTF-8") }),
    ]);
    expect(problems[0]?.vi).toContain("không ở bảng mã UTF-8");
    expect(await activated(suite.db, "00082")).toEqual(before);
  });

  it("names a bad cell by the file's own column name, and an unknown column alone with the known ones", async () => {
    const impossible = [EXCEL_VI[0], "00082;;31/02/2025;Tổ 1;tăng thêm;1;1"].join("\n");
    const dated = await importFile("impossible.csv", Buffer.from(impossible));
    expect(dated.result.status).toBe("rejected");
    expect(dated.problems).toEqual([
      expect.objectContaining({ line: 2, column: "Thời điểm", en: expect.stringContaining("not a real date") }),
    ]);
    const unknown = [
      "Mã xã;Thời điểm;Đơn vị báo cáo;Hình thức;Họ và tên;Số hộ đã đến",
      "00082;01/08/2025;Tổ 1;tăng thêm;X;1",
    ];
    const named = await importFile("unknown.csv", Buffer.from(unknown.join("\n")));
    expect(named.result.status).toBe("rejected");
    expect(named.problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: "Họ và tên",
        vi: expect.stringContaining("các cột hợp lệ: communeCode"),
      }),
    ]);
  });

  it("reads title rows above the header as Excel saves them, and names problems by the file's own line", async () => {
    const before = await activated(suite.db, "00082");
    const titled = [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM;;;;;;",
      "BÁO CÁO KẾT QUẢ KÍCH HOẠT TÀI KHOẢN ĐỊNH DANH ĐIỆN TỬ MỨC 2;;;;;;",
      "Ngày 01/08/2025;;;;;;",
      ...EXCEL_VI,
    ];
    const { result, problems } = await importFile("titled.csv", Buffer.from(`${titled.join("\r\n")}\r\n`));
    expect(problems).toEqual([]);
    expect(result).toMatchObject({ status: "imported", rows: 2, imported: 2 });
    expect((await activated(suite.db, "00082")).activated).toBe(before.activated + 12);

    const bad = [...titled.slice(0, 4), "00082;;01/08/2025;Tổ 1;tăng thêm;-1;"].join("\n");
    const refused = await importFile("titled-bad.csv", Buffer.from(bad));
    expect(refused.problems).toEqual([expect.objectContaining({ line: 5, column: "Số tài khoản kích hoạt mức 2" })]);
  });

  it("names the line and column of a byte that is not UTF-8 far into a file, and writes nothing", async () => {
    const before = await activated(suite.db, "00082");
    // 3,000 good rows (≈ 150 KB, past the 64 KB sampled at the start), then one typed in Windows-1258
    const good = Array.from({ length: 3000 }, (_, i) => `00082,2025-08-01 08:00,Tổ ${i},increment,1`);
    const bytes = Buffer.concat([
      Buffer.from(["communeCode,asOf,reporter,mode,eidL2Activated", ...good, "00082,2025-08-01 08:00,T"].join("\n")),
      Buffer.from([0xf4]),
      Buffer.from(" 1,increment,1\n"),
    ]);
    expect(bytes.length).toBeGreaterThan(128 * 1024);
    const { result, problems } = await importFile("legacy-late.csv", bytes);
    expect(result).toMatchObject({ status: "rejected", imported: 0 });
    expect(problems).toEqual([
      expect.objectContaining({ line: 3002, column: "reporter", en: expect.stringContaining("not UTF-8") }),
    ]);
    expect(await activated(suite.db, "00082")).toEqual(before);
  });
});
