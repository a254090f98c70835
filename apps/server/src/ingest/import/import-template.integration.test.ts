import { queryRows, type DatabaseHandle } from "@pulse/db/client";
import { verifyCounters } from "@pulse/db/ledger";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import { XLSX_MEDIA_TYPE, type ImportResult } from "@pulse/schema";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/test-app";

const CUA_NAM = { kind: "commune", code: "00082" } as const;

describe(`the import template, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let token = "";
  let viewerToken = "";
  const as = (bearer: string) => ({ authorization: `Bearer ${bearer}` });
  const ledgerSize = async () =>
    (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from reports`))[0]?.n;
  const villagesOfCuaNam = async () =>
    queryRows<{ code: string; name: string }>(
      handle.db,
      sql`select code, name from villages where commune_code = '00082' order by seq`,
    );
  const upload = async (body: Buffer | string, type: string) => {
    const response = await fetch(`${server.url}/api/v1/imports`, {
      method: "POST",
      headers: { "content-type": type, ...as(token) },
      body,
    });
    return { status: response.status, ...((await response.json()) as { result: ImportResult }) };
  };

  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle);
    token = (await server.signedIn({ email: "cn@template.test", role: "commune", scope: CUA_NAM })).token;
    viewerToken = (await server.signedIn({ email: "v@template.test", role: "viewer", scope: CUA_NAM })).token;
  });
  afterAll(async () => {
    expect(await verifyCounters(handle.db)).toEqual([]);
    await server.close();
    await handle.close();
  });

  it("lists every village of the scope in a workbook; untouched it adds nothing and says so; filled in it imports", async () => {
    const response = await fetch(`${server.url}/api/v1/imports/template.xlsx`, { headers: as(token) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(XLSX_MEDIA_TYPE);
    const bytes = Buffer.from(await response.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.name).toBe("Báo cáo");
    expect((sheet.getRow(1).values as string[]).slice(1, 8)).toEqual([
      "Mã xã",
      "Tên xã",
      "Mã thôn",
      "Tên thôn",
      "Thời điểm",
      "Đơn vị báo cáo",
      "Hình thức",
    ]);
    const villages = await villagesOfCuaNam();
    expect(sheet.rowCount).toBe(villages.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe("00082");
    expect(sheet.getRow(2).getCell(4).value).toBe(villages[0]?.name);
    expect(sheet.getRow(2).getCell(5).value).toBeInstanceOf(Date);

    const before = await ledgerSize();
    const untouched = await upload(bytes, XLSX_MEDIA_TYPE);
    expect(untouched).toMatchObject({ status: 200, result: { imported: 0, blank: villages.length } });
    expect(await ledgerSize()).toBe(before);

    // an office fills in two villages' activations, with a Vietnamese thousands separator in one
    const activated = (sheet.getRow(1).values as string[]).indexOf("Số tài khoản kích hoạt mức 2");
    sheet.getRow(2).getCell(activated).value = 12;
    sheet.getRow(3).getCell(activated).value = "1.046";
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const result = await upload(filled, XLSX_MEDIA_TYPE);
    // "1.046" in a workbook could be a decimal: refused by name, nothing written
    expect(result).toMatchObject({ status: 422, result: { status: "rejected", invalidRows: 1 } });
    sheet.getRow(3).getCell(activated).value = 1046;
    const fixed = await upload(Buffer.from(await book.xlsx.writeBuffer()), XLSX_MEDIA_TYPE);
    expect(fixed).toMatchObject({ status: 200, result: { imported: 2, blank: villages.length - 2 } });
    expect(await ledgerSize()).toBe((before ?? 0) + 2);
  });

  it("is a CSV too (UTF-8 with a BOM, so Excel reads it), and untouched adds nothing", async () => {
    const response = await fetch(`${server.url}/api/v1/imports/template.csv`, { headers: as(token) });
    expect(response.status).toBe(200);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFFMã xã,Tên xã,Mã thôn,Tên thôn,Thời điểm,Đơn vị báo cáo,Hình thức,")).toBe(true);
    const lines = text.trim().split("\r\n");
    const villages = await villagesOfCuaNam();
    expect(lines).toHaveLength(villages.length + 1);
    expect(lines[1]).toMatch(
      /^00082,Phường Cửa Nam,00082-001,[^,]+,\d{2}\/\d{2}\/\d{4} \d{2}:\d{2},Phường Cửa Nam,tăng thêm,,/,
    );
    const untouched = await upload(text, "text/csv");
    expect(untouched).toMatchObject({ status: 200, result: { imported: 0, blank: villages.length } });
  });

  it("is for those who may import: a viewer is refused, and so is nobody", async () => {
    const viewer = await fetch(`${server.url}/api/v1/imports/template.xlsx`, { headers: as(viewerToken) });
    expect(viewer.status).toBe(403);
    const nobody = await fetch(`${server.url}/api/v1/imports/template.csv`);
    expect(nobody.status).toBe(401);
  });
});
