import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, interactive, launchBrowser, signedInContext, startStack, type Stack } from "./support/stack";

const example = fileURLToPath(new URL("../../server/examples/reports.csv", import.meta.url));

describe("CSV import page in Chromium", () => {
  let stack: Stack;
  let browser: Browser;
  let admin: BrowserContext;
  const dir = mkdtempSync(join(tmpdir(), "pulse-e2e-csv-"));
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [stack, browser] = await Promise.all([startStack({ apiPort: 3221, webPort: 3220 }), launchBrowser()]);
    // The example file spans two provinces: the national admin may import all of it.
    admin = await signedInContext(browser, stack.webUrl, "admin@pulse.demo", { width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const importFile = async (path: string, { skipInvalid = false, lang = "vi" } = {}) => {
    const page = await admin.newPage();
    await page.goto(`${stack.webUrl}/import?lang=${lang}`);
    await interactive(page);
    await page.locator('input[name="file"]').setInputFiles(path);
    if (skipInvalid) await page.locator('input[name="skipInvalid"]').check();
    await page.locator('button[type="submit"]').click();
    return page;
  };

  // The first import after the server starts loads the unit index: give the server time under CI's load.
  const done = { timeout: 20_000 };

  it("imports the example file, then counts nothing twice when it is imported again", async () => {
    let page = await importFile(example);
    await expect
      .poll(() => page.getByRole("status").textContent(), done)
      .toBe("Đã nhập 6 dòng mới; 0 dòng đã có từ trước; 0 dòng lỗi bị bỏ qua.");
    await page.screenshot({ path: join(ARTIFACTS, "import-done-vi.png"), fullPage: true });
    await page.close();
    page = await importFile(example);
    await expect.poll(() => page.getByRole("status").textContent(), done).toMatch(/^Đã nhập 0 dòng mới; 6 dòng đã có/);
    await page.close();
  });

  it("downloads the Excel template of the commune's villages; untouched it adds nothing, filled in it imports", async () => {
    const commune = await signedInContext(browser, stack.webUrl, "cuanam@pulse.demo", { width: 1280, height: 900 });
    const page = await commune.newPage();
    await page.goto(`${stack.webUrl}/import`);
    await interactive(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải mẫu có sẵn các thôn, tổ dân phố (Excel)" }).click(),
    ]);
    const template = join(dir, "mau.xlsx");
    await download.saveAs(template);
    const submit = async (path: string) => {
      await page.locator('input[name="file"]').setInputFiles(path);
      await page.locator('button[type="submit"]').click();
    };
    await submit(template);
    await expect
      .poll(() => page.getByRole("status").textContent(), done)
      .toMatch(/^Không có gì để nhập: cả \d+ dòng đều chưa có số liệu/);
    // an office fills in one village's activations, as Excel would save it
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error("the template has no sheet");
    const column = (sheet.getRow(1).values as string[]).indexOf("Số tài khoản kích hoạt mức 2");
    sheet.getRow(2).getCell(column).value = 3;
    const filled = join(dir, "mau-da-dien.xlsx");
    await book.xlsx.writeFile(filled);
    await submit(filled);
    await expect
      .poll(() => page.getByRole("status").textContent(), done)
      .toMatch(
        /^Đã nhập 1 dòng mới; 0 dòng đã có từ trước; 0 dòng lỗi bị bỏ qua\. \d+ dòng chưa có số liệu được bỏ qua\./,
      );
    await page.screenshot({ path: join(ARTIFACTS, "import-template-vi.png"), fullPage: true });
    await commune.close();
  });

  it("lists every bad row with line, column and reason, and writes nothing", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      [
        "communeCode,villageCode,asOf,reporter,mode,eidL2Activated",
        "00082,00082-001,2025-08-01,Tổ CNS,increment,5",
        "00082,00082-001,2025-08-01,Tổ CNS,increment,-2",
        "99999,,2025-08-01,Tổ CNS,increment,1",
        "",
      ].join("\n"),
    );
    const page = await importFile(bad);
    await expect
      .poll(() => page.getByRole("status").textContent(), done)
      .toMatch(/^Không ghi dòng nào: 2 trên 3 dòng có lỗi/);
    const rows = page.locator("tbody tr");
    expect(await rows.allTextContents()).toEqual([
      "3eidL2Activatedkhông được âm",
      "4communeCodekhông có xã, phường, đặc khu với mã này",
    ]);
    await page.screenshot({ path: join(ARTIFACTS, "import-rejected-vi.png"), fullPage: true });
    await page.close();

    const english = await importFile(bad, { skipInvalid: true, lang: "en" });
    await expect
      .poll(() => english.getByRole("status").textContent(), done)
      .toBe("Imported 1 new row; 0 rows were already there; 2 bad rows skipped.");
    await english.close();
  });
});
