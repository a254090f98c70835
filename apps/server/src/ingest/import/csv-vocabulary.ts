/**
 * The words of the files back offices have: column names in English or Vietnamese (any case,
 * with or without diacritics), Vietnamese dates (dd/mm/yyyy, optional hh:mm), and the mode in
 * either language. README "CSV import" lists them.
 */
import type { ValidationRule } from "@pulse/schema";

/** Vietnamese column names, beside the English ones (the column keys themselves). */
export const VIETNAMESE_COLUMNS: Record<string, readonly string[]> = {
  communeCode: ["Mã xã", "Mã xã/phường", "Mã phường/xã"],
  communeName: ["Tên xã", "Tên xã/phường", "Tên phường/xã"],
  villageCode: ["Mã thôn", "Mã thôn/tổ dân phố", "Mã tổ dân phố"],
  villageName: ["Tên thôn", "Tên thôn/tổ dân phố", "Tên tổ dân phố"],
  asOf: ["Thời điểm", "Thời điểm số liệu", "Ngày báo cáo", "Ngày"],
  reporter: ["Đơn vị báo cáo", "Tổ báo cáo"],
  mode: ["Hình thức", "Loại số liệu"],
  cccdIssued: ["Số CCCD đã cấp", "Số thẻ căn cước đã cấp"],
  eidL2Registered: ["Số hồ sơ mức 2 đã thu nhận", "Số hồ sơ định danh mức 2"],
  eidL2Activated: ["Số tài khoản kích hoạt mức 2", "Số tài khoản mức 2 đã kích hoạt"],
  peopleTrained: ["Số người được hướng dẫn", "Số người được tập huấn"],
  householdsVisited: ["Số hộ đã đến", "Số hộ gia đình đã đến"],
  smartphonesDonated: ["Số điện thoại thông minh tặng", "Số điện thoại thông minh được tặng"],
  idempotencyKey: ["Mã chống trùng"],
};

/** "Mã xã/Phường" → "maxaphuong": case, diacritics (đ too), spaces and punctuation ignored. */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** The column key a header cell names, or undefined. */
export function columnNamed(header: string, columns: readonly string[]): string | undefined {
  const folded = foldName(header);
  return columns.find(
    (column) => foldName(column) === folded || (VIETNAMESE_COLUMNS[column] ?? []).some((vi) => foldName(vi) === folded),
  );
}

const MODES: Record<string, "increment" | "snapshot"> = {
  increment: "increment",
  snapshot: "snapshot",
  tangthem: "increment",
  congthem: "increment",
  luyke: "snapshot",
  tongluyke: "snapshot",
};

/** "tăng thêm" → increment, "luỹ kế" → snapshot; anything else is left for the schema to refuse. */
export function modeNamed(value: string): string {
  if (value === "increment" || value === "snapshot") return value;
  return MODES[foldName(value)] ?? value;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const VIETNAMESE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** 7 → "07": the two digits of a day, month, hour, minute or second */
export const pad = (n: number) => String(n).padStart(2, "0");

/** A CSV cell, quoted only when it must be */
export const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= days;
}

/**
 * A file's time as an ISO string: Vietnam time unless it says otherwise; a date alone means
 * noon that day; dd/mm/yyyy is day first, as Vietnamese Excel writes it. A 2-digit year is
 * ambiguous and 31/02 or 25:00 impossible: both are refused by name.
 */
export function vietnamTime(value: string): { iso: string } | { rule: ValidationRule } {
  if (DATE_ONLY.test(value)) return checked(value, "12:00:00");
  if (NO_OFFSET.test(value)) {
    const [date = "", time = ""] = value.split(/[T ]/);
    return checked(date, time.length === 5 ? `${time}:00` : time);
  }
  const match = VIETNAMESE.exec(value);
  if (!match) return { iso: value };
  const [, day, month, year, hour = "12", minute = "00", second = "00"] = match;
  if (year?.length !== 4) return { rule: "ambiguousDate" };
  return checked(`${year}-${pad(Number(month))}-${pad(Number(day))}`, `${pad(Number(hour))}:${minute}:${second}`);
}

/** `date` is yyyy-mm-dd, `time` hh:mm:ss[.fff] (both shaped by the patterns above). */
function checked(date: string, time: string): { iso: string } | { rule: ValidationRule } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const hour = Number(time.slice(0, 2));
  const minute = Number(time.slice(3, 5));
  const second = Number.parseFloat(time.slice(6));
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second >= 60) return { rule: "impossibleDate" };
  return { iso: `${date}T${time}+07:00` };
}
