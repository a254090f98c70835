import { fieldError, type CountsReport, type FieldError } from "@pulse/schema";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client";
import { jsonParam } from "./json-param";

/** Unknown communes and villages, and villages of another commune, as field errors. */
export async function checkReportReferences(
  db: Database,
  reports: readonly Pick<CountsReport, "communeCode" | "villageCode">[],
  fieldPrefix = (index: number) => (reports.length === 1 ? "" : `${index}.`),
): Promise<FieldError[]> {
  const rows = await queryRows<{ i: number; commune_ok: boolean; village_commune: string | null }>(
    db,
    sql`select x.i, c.code is not null as commune_ok, v.commune_code as village_commune
      from jsonb_to_recordset(${jsonParam(reports.map((r, i) => ({ i, c: r.communeCode, v: r.villageCode ?? null })))})
        as x(i int, c text, v text)
      left join communes c on c.code = x.c
      left join villages v on v.code = x.v`,
  );
  const errors: FieldError[] = [];
  for (const row of rows) {
    const report = reports[row.i];
    if (!report) continue;
    const prefix = fieldPrefix(row.i);
    if (!row.commune_ok) errors.push(fieldError(`${prefix}communeCode`, "unknownCommune"));
    if (report.villageCode && row.village_commune === null)
      errors.push(fieldError(`${prefix}villageCode`, "unknownVillage"));
    else if (report.villageCode && row.commune_ok && row.village_commune !== report.communeCode) {
      errors.push(fieldError(`${prefix}villageCode`, "villageOfOtherCommune"));
    }
  }
  return errors.sort((a, b) => a.field.localeCompare(b.field, "en", { numeric: true }));
}
