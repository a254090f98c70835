import type { z } from "zod";

/** A validation problem a person can act on: which field, and why, in both languages. */
export interface FieldError {
  /** dotted path in the submitted report, e.g. "counters.eidL2Activated" or "reports.3.communeCode" */
  field: string;
  vi: string;
  en: string;
}

/** The messages of every validation rule, in Vietnamese and English. */
export const VALIDATION_MESSAGES = {
  required: { vi: "thiếu trường bắt buộc", en: "is required" },
  type: { vi: "sai kiểu dữ liệu", en: "has the wrong type" },
  integer: { vi: "phải là số nguyên", en: "must be a whole number" },
  negative: { vi: "không được âm", en: "must not be negative" },
  tooLarge: { vi: "quá lớn (tối đa 10.000.000)", en: "is too large (at most 10,000,000)" },
  format: { vi: "sai định dạng", en: "has the wrong format" },
  unknownField: { vi: "trường không được hỗ trợ", en: "is not a known field" },
  emptyReport: { vi: "báo cáo không có số liệu nào", en: "the report has no figures" },
  unknownRoom: { vi: "phòng không tồn tại", en: "no such room" },
  futureAsOf: { vi: "thời điểm số liệu ở tương lai (quá 5 phút)", en: "is more than 5 minutes in the future" },
  asOfTooEarly: {
    vi: "trước ngày 01/07/2025, khi các xã, phường hiện nay được thành lập",
    en: "is before 1 July 2025, when today's communes and wards came into being",
  },
  malformedText: {
    vi: "có ký tự hỏng (không phải văn bản Unicode hợp lệ)",
    en: "contains a broken character (not valid Unicode text)",
  },
  controlCharacter: {
    vi: "có ký tự điều khiển (không nhìn thấy được), ví dụ NUL",
    en: "contains a control character (an invisible one, such as NUL)",
  },
  unknownProvince: { vi: "không có tỉnh, thành phố với mã này", en: "no province or city has this code" },
  unknownCommune: { vi: "không có xã, phường, đặc khu với mã này", en: "no commune has this code" },
  unknownVillage: { vi: "không có thôn, tổ dân phố với mã này", en: "no village or residential group has this code" },
  villageOfOtherCommune: {
    vi: "thôn, tổ dân phố thuộc xã, phường khác",
    en: "this village belongs to another commune",
  },
  unknownTeam: {
    vi: "không có tổ đang hoạt động với mã này ở xã, phường này",
    en: "no active team has this id in this commune",
  },
  unknownReport: { vi: "không có báo cáo với mã này", en: "no report has this id" },
  reportNotCounted: {
    vi: "báo cáo đang chờ duyệt hoặc đã bị từ chối: chưa được tính, không thể đính chính",
    en: "this report is awaiting review or was rejected: it does not count, so it cannot be corrected",
  },
  invalid: { vi: "không hợp lệ", en: "is not valid" },
  malformedLine: { vi: "dòng CSV hỏng (dấu ngoặc kép chưa đóng?)", en: "malformed CSV line (an unclosed quote?)" },
  cellCount: { vi: "số cột không khớp dòng tiêu đề", en: "the number of cells does not match the header" },
  unknownColumn: { vi: "cột không được hỗ trợ; các cột hợp lệ", en: "is not a known column; known columns" },
  duplicateColumn: { vi: "cột xuất hiện hai lần", en: "appears twice in the header" },
  impossibleDate: {
    vi: "ngày giờ không tồn tại (ví dụ 31/02/2025 hoặc 25:00)",
    en: "is not a real date or time (such as 31/02/2025 or 25:00)",
  },
  ambiguousDate: {
    vi: "ngày không rõ: ghi ngày/tháng/năm với năm đủ 4 chữ số, ví dụ 01/08/2025",
    en: "is ambiguous: write day/month/year with a 4-digit year, such as 01/08/2025",
  },
  notUtf8: {
    vi: "tệp không ở bảng mã UTF-8 (có thể là TCVN3 hoặc Windows-1258): trong Excel chọn Lưu thành → CSV UTF-8 (phân tách bằng dấu phẩy)",
    en: "the file is not UTF-8 (TCVN3 or Windows-1258?): in Excel choose Save As → CSV UTF-8 (Comma delimited)",
  },
  ambiguousNumber: {
    vi: "số không rõ: dấu chấm có thể là dấu thập phân; ghi số nguyên không có dấu phân cách, ví dụ 1234",
    en: "is ambiguous: the dot could be a decimal mark; write the whole number without separators, such as 1234",
  },
  notXlsx: {
    vi: "không đọc được tệp như một bảng tính Excel (.xlsx): tệp hỏng hoặc có mật khẩu?",
    en: "the file cannot be read as an Excel workbook (.xlsx): damaged, or protected by a password?",
  },
  legacyExcel: {
    vi: "tệp Excel 97-2003 (.xls) không đọc được: trong Excel chọn Lưu thành → Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8",
    en: "an Excel 97-2003 file (.xls) cannot be read: in Excel choose Save As → Excel Workbook (.xlsx) or CSV UTF-8",
  },
  sheetNotFound: { vi: "tệp không có trang tính này", en: "the file has no such sheet" },
  sheetsOfFile: { vi: "các trang trong tệp", en: "its sheets" },
  tooShort: { vi: "quá ngắn", en: "is too short" },
  tooLong: { vi: "quá dài", en: "is too long" },
  scopeOfRole: { vi: "phạm vi không hợp với vai trò", en: "this scope does not fit the role" },
  outOfScope: { vi: "ngoài phạm vi được giao của bạn", en: "is outside the scope you are assigned" },
  pastDate: { vi: "phải là thời điểm trong tương lai", en: "must be in the future" },
  annexNationOnly: {
    vi: "phụ lục các xã chỉ có ở báo cáo toàn quốc",
    en: "the communes annex belongs to the nation's report only",
  },
  communeOrProvince: {
    vi: "cần đúng một trong hai: commune (mã xã) hoặc province (mã tỉnh)",
    en: "give exactly one of commune (a commune code) or province (a province code)",
  },
  onHoursOrder: { vi: "giờ kết thúc phải sau giờ bắt đầu", en: "must be after the start of the on-hours" },
  unknownCampaign: { vi: "không có chiến dịch với mã này", en: "no campaign has this id" },
  weekdayOfWeekly: {
    vi: "cần chọn ngày trong tuần cho báo cáo hằng tuần, và chỉ cho báo cáo đó",
    en: "a weekly report needs a day of the week, and only a weekly one takes it",
  },
  unknownPairingCode: {
    vi: "mã ghép nối không đúng hoặc đã hết hạn",
    en: "this pairing code is wrong or has expired",
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ValidationRule = keyof typeof VALIDATION_MESSAGES;

export function fieldError(field: string, rule: ValidationRule): FieldError {
  return { field, ...VALIDATION_MESSAGES[rule] };
}

function ruleOf(issue: z.core.$ZodIssue): ValidationRule {
  switch (issue.code) {
    case "invalid_type":
      // zod 4 leaves `input` out of issues unless asked; its message still says what was received.
      return issue.message.endsWith("received undefined") ? "required" : "type";
    case "too_small":
      return issue.origin === "string" ? "tooShort" : "negative";
    case "too_big":
      return issue.origin === "string" ? "tooLong" : "tooLarge";
    case "invalid_format":
      return "format";
    case "unrecognized_keys":
      return "unknownField";
    case "custom": {
      const rule = (issue.params as { rule?: ValidationRule } | undefined)?.rule;
      return rule ?? "invalid";
    }
    default:
      return "invalid";
  }
}

/** Every issue of a failed parse, as field errors ("counters.eidL2Activated: phải là số nguyên"). */
export function fieldErrorsOf(error: z.ZodError, prefix = ""): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => fieldError([path, key].filter(Boolean).join("."), "unknownField"));
    }
    if (issue.code === "invalid_type" && issue.expected === "int") return [fieldError(path, "integer")];
    if (issue.code === "invalid_value") {
      const values = issue.values.map(String).join(", ");
      return [{ field: path, vi: `phải là một trong: ${values}`, en: `must be one of: ${values}` }];
    }
    return [fieldError(path, ruleOf(issue))];
  });
}
