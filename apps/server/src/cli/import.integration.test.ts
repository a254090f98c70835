import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { seededDatabaseForProcess, testEnv } from "@pulse/db/testing";
import type { ChildProcess } from "node:child_process";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exited, freePort, serverDir, startServerProcess } from "../testing/child-process";

const run = promisify(execFile);

/** `npm run import` as a person runs it, against a running server. */
describe(`npm run import, on ${testEnv.PULSE_TEST_DB}`, () => {
  const dir = mkdtempSync(join(tmpdir(), "pulse-cli-"));
  let server: ChildProcess;
  let drop: () => Promise<void>;
  let apiUrl: string;
  let password = "";
  const EMAIL = "admin@cli.test";
  beforeAll(async () => {
    const database = await seededDatabaseForProcess();
    drop = database.drop;
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    // The account is made as an operator makes it: with the CLI, before the server starts.
    const created = await run(
      process.execPath,
      ["--import", "tsx", "src/cli/user-create.ts", "--email", EMAIL, "--role", "admin", "--scope", "nation"],
      { cwd: serverDir, env: { ...database.env, PULSE_API_URL: apiUrl, LOG_LEVEL: "warn" } },
    );
    expect(created.stdout).toMatch(/Đã tạo tài khoản \/ account created: admin@cli\.test \(admin, nation\)/);
    password = /one-time password: (\S+)/.exec(created.stdout)?.[1] ?? "";
    expect(password).toHaveLength(16);
    server = await startServerProcess(port, { ...database.env, PULSE_DEMO: "false" });
  });
  afterAll(async () => {
    server?.kill("SIGTERM");
    if (server) await exited(server);
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const importCli = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "src/cli/import.ts", ...args], {
      cwd: serverDir,
      env: { PULSE_API_URL: apiUrl, INIT_CWD: serverDir, PULSE_EMAIL: EMAIL, PULSE_PASSWORD: password, ...extraEnv },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  let extraEnv: Record<string, string> = {};

  it("refuses to import with a wrong password, writing nothing", async () => {
    extraEnv = { PULSE_PASSWORD: "not-the-password" };
    const refused = await importCli("examples/reports.csv");
    extraEnv = {};
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Đăng nhập không thành công \/ sign-in failed: sign-in refused \(401\)/);
  });

  it("imports an Excel workbook's sheet named on the command line, and says which rows had no figures", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Hướng dẫn").addRow(["Điền trang Báo cáo"]);
    const sheet = book.addWorksheet("Báo cáo");
    sheet.addRow(["Mã xã", "Thời điểm", "Đơn vị báo cáo", "Hình thức", "Số tài khoản kích hoạt mức 2"]);
    sheet.addRow(["02026", "03/08/2025", "Công an xã Nam Cường", "tăng thêm", 4]);
    sheet.addRow(["02026", "03/08/2025", "Công an xã Nam Cường", "tăng thêm", null]);
    const path = join(dir, "thang8.xlsx");
    await book.xlsx.writeFile(path);
    const { code, stdout } = await importCli(path, "--sheet", "Báo cáo");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Đã nhập 1 dòng mới, 0 dòng đã có, 0 dòng lỗi bỏ qua, 1 dòng chưa có số liệu · imported 1 new row/,
    );
  });

  it("imports the example file and says how many rows, how fast", async () => {
    const { code, stdout, stderr } = await importCli("examples/reports.csv");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Đã nhập 6 dòng mới, 0 dòng đã có, 0 dòng lỗi bỏ qua · imported 6 new rows/);
    expect(stdout).toMatch(/\d+ rows\/s/);
    expect(stderr).toMatch(/dòng\/s · rows\/s/); // the progress line (a bar on a terminal)
  });

  it("lists every bad row and exits 1 writing nothing; --skip-invalid writes the report file", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "communeCode,villageCode,asOf,reporter,mode,eidL2Activated\n" +
        "00082,00082-001,2025-08-01,Tổ CNS,increment,2\n" +
        "00082,00082-001,2025-08-01,Tổ CNS,increment,-2\n" +
        "00082,00082-001,2099-08-01,Tổ CNS,increment,2\n",
    );
    const rejected = await importCli(bad);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain(
      "dòng 3, cột eidL2Activated: không được âm / line 3, eidL2Activated: must not be negative",
    );
    expect(rejected.stderr).toContain("dòng 4, cột asOf:");
    expect(rejected.stderr).toContain("Không ghi gì: 2 dòng lỗi trên 3");

    const report = join(dir, "bad-rows.csv");
    const skipped = await importCli(bad, "--skip-invalid", "--report", report);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/^Đã nhập 1 dòng mới, 0 dòng đã có, 2 dòng lỗi bỏ qua/);
    expect(readFileSync(report, "utf8").trim().split("\n")).toEqual([
      "line,column,vi,en",
      '"3","eidL2Activated","không được âm","must not be negative"',
      '"4","asOf","thời điểm số liệu ở tương lai (quá 5 phút)","is more than 5 minutes in the future"',
    ]);
  });
});
