import type { ServerResponse } from "node:http";
import { importTemplateVillages, type Context } from "@pulse/api";
import type { TemplateVillage } from "@pulse/db/queries";
import { COUNTER_KEYS, XLSX_MEDIA_TYPE } from "@pulse/schema";
import ExcelJS from "exceljs";
import { VIETNAMESE_COLUMNS, csvCell, pad } from "./csv-vocabulary";

/** The template's columns: codes with their names beside them, then what an office fills in. */
const TEMPLATE_COLUMNS = [
  "communeCode",
  "communeName",
  "villageCode",
  "villageName",
  "asOf",
  "reporter",
  "mode",
  ...COUNTER_KEYS,
] as const;
/** Headers in Vietnamese (the import reads them, or the English keys) */
export const TEMPLATE_HEADER = TEMPLATE_COLUMNS.map((column) => VIETNAMESE_COLUMNS[column]?.[0] ?? column);

/** Now in Viet Nam, to the minute, as the wall-clock fields of a UTC date (Excel keeps no zone). */
function vietnamWallClock(now: Date): Date {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(minute + 7 * 3600_000);
}

const vietnameseTime = (t: Date) =>
  `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;

/** One row per village: codes and names, the time of download, the commune as reporter, "tăng thêm"; no figures. */
function templateRow(village: TemplateVillage, asOf: Date | string): (string | Date)[] {
  const given = [village.communeCode, village.communeName, village.code, village.villageName];
  return [...given, asOf, village.communeName, "tăng thêm", ...COUNTER_KEYS.map(() => "")];
}

/**
 * `GET /api/v1/imports/template.{csv,xlsx}`: every village of the importer's scope, so an office
 * fills in numbers only. The CSV has a BOM (Excel then reads it as UTF-8); in the workbook codes
 * are text (no leading zero lost) and the time a date cell.
 */
export async function sendImportTemplate(res: ServerResponse, ctx: Context, format: "csv" | "xlsx"): Promise<void> {
  const villages = await importTemplateVillages(ctx);
  const asOf = vietnamWallClock(ctx.now());
  const filename = `mau-nhap-so-lieu.${format}`;
  if (format === "csv") {
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    });
    const lines = [TEMPLATE_HEADER, ...villages.map((v) => templateRow(v, vietnameseTime(asOf)) as string[])];
    res.end(`\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`);
    return;
  }
  res.writeHead(200, { "content-type": XLSX_MEDIA_TYPE, "content-disposition": `attachment; filename="${filename}"` });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Báo cáo", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = TEMPLATE_HEADER.map((header, i) => ({
    header,
    width: i === 1 || i === 3 ? 28 : 16,
    style: i === 4 ? { numFmt: "dd/mm/yyyy hh:mm" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const village of villages) sheet.addRow(templateRow(village, asOf)).commit();
  sheet.commit();
  await workbook.commit();
}
