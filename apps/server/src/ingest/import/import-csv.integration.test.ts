import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { queryRows, type Database } from "@pulse/db/client";
import { testEnv } from "@pulse/db/testing";
import { systemImportWriter } from "@pulse/api/testing";
import { seededImportSuite } from "./import-suite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/test-app";
import type { CsvProblem } from "@pulse/schema";
import { importCsvFile } from "./import-csv";
import type { ImportEvent } from "@pulse/schema";

const example = fileURLToPath(new URL("../../../examples/reports.csv", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "pulse-csv-"));
const HEADER = "communeCode,villageCode,asOf,reporter,mode,eidL2Activated,peopleTrained";

function writeCsv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[HEADER, ...lines].join("\n")}\n`);
  return path;
}

async function totals(db: Database, communeCode: string) {
  const [row] = await queryRows<{ activated: number; trained: number; ledger: number }>(
    db,
    sql`select c.eid_l2_activated as activated, c.people_trained as trained,
        (select count(*)::int from reports r where r.commune_code = c.commune_code) as ledger
      from commune_counters c where c.commune_code = ${communeCode}`,
  );
  if (!row) throw new Error(`no counters for ${communeCode}`);
  return row;
}

describe(`CSV import on ${testEnv.PULSE_TEST_DB}`, () => {
  const suite = seededImportSuite(dir);

  it("imports the example file once: the same file again adds nothing", async () => {
    const cuaNam = await totals(suite.db, "00082");
    const { writer, live } = await systemImportWriter(suite.db);
    const first = await importCsvFile(suite.db, example, writer, { skipInvalid: false });
    // The walls hear of each new report once, and of none when the same file comes again.
    expect(live.committed.map((r) => r.communeCode).sort()).toEqual([
      ...Array<string>(3).fill("00082"),
      ...Array<string>(3).fill("02026"),
    ]);
    expect(first).toMatchObject({ status: "imported", rows: 6, imported: 6, duplicates: 0, invalidRows: 0 });
    expect(await totals(suite.db, "00082")).toEqual({
      activated: cuaNam.activated + 20,
      trained: cuaNam.trained + 69,
      ledger: cuaNam.ledger + 3,
    });
    const again = await importCsvFile(suite.db, example, writer, { skipInvalid: false });
    expect(live.committed).toHaveLength(6);
    expect(again).toMatchObject({ status: "imported", imported: 0, duplicates: 6 });
    expect((await totals(suite.db, "00082")).activated).toBe(cuaNam.activated + 20);
  });

  const badFile = () =>
    writeCsv("bad.csv", [
      "00082,00082-001,2025-08-01,Tổ CNS,increment,-3,",
      "99999,,2025-08-01,Tổ CNS,increment,2,",
      "00082,02026-001,2025-08-01,Tổ CNS,increment,2,",
      "00082,00082-001,2025-08-01,Tổ CNS,increment,4,1",
      "00082,00082-001,2025-08-01,,increment,1.5,",
      "00082,00082-001,2099-01-01,Tổ CNS,increment,4,",
      "00082,00082-001,2025-08-01,Tổ CNS,sideways,4,",
      "00082,00082-001,2025-08-01,Tổ CNS,increment,,",
      "00082,00082-001",
    ]);

  it("lists every bad row with its line, column and reason, and writes nothing", async () => {
    const before = await totals(suite.db, "00082");
    const problems: CsvProblem[] = [];
    const result = await importCsvFile(suite.db, badFile(), (await systemImportWriter(suite.db)).writer, {
      skipInvalid: false,
      onProblem: (p) => problems.push(p),
    });
    // line 9 has no figure at all: a blank row (a template row left as it was), skipped and counted
    expect(result).toMatchObject({ status: "rejected", rows: 9, invalidRows: 7, blank: 1, imported: 0 });
    expect(problems.map((p) => [p.line, p.column, p.en])).toEqual([
      [2, "eidL2Activated", "must not be negative"],
      [3, "communeCode", "no commune has this code"],
      [4, "villageCode", "this village belongs to another commune"],
      [6, "reporter", "is required"],
      [6, "eidL2Activated", "must be a whole number"],
      [7, "asOf", "is more than 5 minutes in the future"],
      [8, "mode", "must be one of: increment, snapshot"],
      [10, "*", "the number of cells does not match the header"],
    ]);
    expect(problems.every((p) => p.vi.length > 0 && p.vi !== p.en)).toBe(true);
    expect(await totals(suite.db, "00082")).toEqual(before);
  });

  it("with skipInvalid imports the good rows only", async () => {
    const before = await totals(suite.db, "00082");
    const result = await importCsvFile(suite.db, badFile(), (await systemImportWriter(suite.db)).writer, {
      skipInvalid: true,
    });
    expect(result).toMatchObject({ status: "imported", rows: 9, invalidRows: 7, blank: 1, imported: 1 });
    expect(await totals(suite.db, "00082")).toEqual({
      activated: before.activated + 4,
      trained: before.trained + 1,
      ledger: before.ledger + 1,
    });
  });

  it("refuses a file whose header has an unknown column, even with skipInvalid", async () => {
    const path = join(dir, "personal.csv");
    writeFileSync(
      path,
      "communeCode,asOf,reporter,mode,eidL2Activated,citizenName\n00082,2025-08-01,A,increment,1,Nguyễn Văn A\n",
    );
    const problems: CsvProblem[] = [];
    const result = await importCsvFile(suite.db, path, (await systemImportWriter(suite.db)).writer, {
      skipInvalid: true,
      onProblem: (p) => problems.push(p),
    });
    expect(result.status).toBe("rejected");
    expect(problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: "citizenName",
        vi: expect.stringMatching(/^cột không được hỗ trợ; các cột hợp lệ: communeCode/),
      }),
    ]);
  });

  it("applies snapshots by as-of time whatever their order in the file", async () => {
    const village = "00082-004";
    const path = writeCsv("snapshots.csv", [
      `00082,${village},2025-09-02 10:00,Tổ CNS,snapshot,500,`,
      `00082,${village},2025-09-01 10:00,Tổ CNS,snapshot,450,`,
    ]);
    await importCsvFile(suite.db, path, (await systemImportWriter(suite.db)).writer, { skipInvalid: false });
    const [row] = await queryRows<{ activated: number }>(
      suite.db,
      sql`select eid_l2_activated as activated from village_counters where village_code = ${village}`,
    );
    expect(row?.activated).toBe(500);
  });

  describe("over HTTP", () => {
    let server: TestApp;
    let url: string;
    const tokens: Record<"cuaNam" | "laiChau" | "viewer", string> = { cuaNam: "", laiChau: "", viewer: "" };
    const as = (who: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[who]}` });
    beforeAll(async () => {
      server = await startTestApp(suite.handle);
      url = `${server.url}/api/v1/imports`;
      const commune = { kind: "commune", code: "00082" } as const;
      tokens.cuaNam = (await server.signedIn({ email: "cuanam@import.test", role: "commune", scope: commune })).token;
      const laiChau = { kind: "province", code: "12" } as const;
      tokens.laiChau = (await server.signedIn({ email: "lc@import.test", role: "province", scope: laiChau })).token;
      tokens.viewer = (await server.signedIn({ email: "v@import.test", role: "viewer", scope: commune })).token;
    });
    afterAll(() => server.close());

    it("imports only within the importer's scope: other rows are problems and nothing is written", async () => {
      const body = `${HEADER}\n00082,00082-007,2025-08-05,Tổ CNS,increment,3,\n`;
      const before = await totals(suite.db, "00082");
      const foreign = await fetch(url, {
        method: "POST",
        headers: { "content-type": "text/csv", ...as("laiChau") },
        body,
      });
      expect(foreign.status).toBe(422);
      expect(((await foreign.json()) as { problems: CsvProblem[] }).problems).toEqual([
        expect.objectContaining({ line: 2, column: "communeCode", vi: "ngoài phạm vi được giao của bạn" }),
      ]);
      const viewer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "text/csv", ...as("viewer") },
        body,
      });
      expect(viewer.status).toBe(403);
      const nobody = await fetch(url, { method: "POST", headers: { "content-type": "text/csv" }, body });
      expect(nobody.status).toBe(401);
      expect(await totals(suite.db, "00082")).toEqual(before);
      const audited = await queryRows<{ actor: string }>(
        suite.db,
        sql`select actor from audit_log where action = 'import.csv' order by id desc limit 1`,
      );
      expect(audited).toEqual([{ actor: "user:lc@import.test" }]);
    });

    it("streams progress, every problem and the result as NDJSON", async () => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "text/csv", accept: "application/x-ndjson", ...as("cuaNam") },
        body: `${HEADER}\n00082,00082-005,2025-08-05,Tổ CNS,increment,3,\n00082,00082-005,2025-08-05,Tổ CNS,increment,-1,\n`,
      });
      const events = (await response.text())
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as ImportEvent);
      expect(events[0]).toMatchObject({ type: "uploaded" });
      expect(events).toContainEqual(expect.objectContaining({ type: "problem", line: 3, column: "eidL2Activated" }));
      expect(events.at(-1)).toMatchObject({ type: "result", status: "rejected", rows: 2, invalidRows: 1 });
    });

    it("answers plain JSON without NDJSON: 200 imported, 422 rejected; 415 for another type", async () => {
      const body = `${HEADER}\n00082,00082-006,2025-08-05,Tổ CNS,increment,3,\n`;
      const ok = await fetch(url, { method: "POST", headers: { "content-type": "text/csv", ...as("cuaNam") }, body });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ result: { imported: 1 } });
      const bad = await fetch(url, {
        method: "POST",
        headers: { "content-type": "text/csv", ...as("cuaNam") },
        body: `${HEADER}\n1,2,3,4,5,6,7\n`,
      });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { problems: CsvProblem[] }).problems.length).toBeGreaterThan(0);
      const wrongType = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...as("cuaNam") },
        body: "{}",
      });
      expect(wrongType.status).toBe(415);
    });
  });
});
