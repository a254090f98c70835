import type { DatabaseHandle } from "@pulse/db/client";
import { listAudit } from "@pulse/db/queries";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import { formatCount, formatRate, hcmDay, type Locale, type Rate } from "@pulse/indicators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiCaller } from "@pulse/api";
import { systemCaller } from "../services";
import { pdfFonts, pdfPageSizes, pdfPages, pdfWordBoxes } from "../testing/pdf-tools";
import { startTestApp, type TestApp } from "../testing/test-app";

/** A4 in points, and the report's bottom margin, where only the footer may be. */
const A4_HEIGHT = 841.89;
const BOTTOM_MARGIN = 48;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Cells of one table row, in order, on one line of `pdftotext -layout` (never across lines or pages). */
const rowOf = (cells: string[]) => new RegExp(cells.map(escape).join("[ \\t]+"));

interface Counts {
  eligible: number;
  eidL2Registered: number;
  eidL2Activated: number;
  indicators: { activationRate: Rate };
}
/** The first cells of a unit's row as the API's numbers read in the report's language. */
const unitRow = (name: string, u: Counts, lang: Locale) =>
  rowOf([
    name,
    formatCount(u.eligible, lang),
    formatCount(u.eidL2Registered, lang),
    formatCount(u.eidL2Activated, lang),
    formatRate(u.indicators.activationRate, lang),
  ]);

/**
 * Every page is A4 and nothing but its footer ("… Trang i/n") enters the bottom margin: pages
 * cut before rendering (long tables) overflowed nowhere (`pdftotext -bbox`).
 */
async function expectA4WithOnlyTheFooterInTheMargin(pdf: Uint8Array, page: "Trang" | "Page") {
  expect(new Set(await pdfPageSizes(pdf))).toEqual(new Set(["595.28 x 841.89 pts (A4)"]));
  const boxes = await pdfWordBoxes(pdf);
  boxes.forEach((words, i) => {
    const margin = words.filter((w) => w.yMax > A4_HEIGHT - BOTTOM_MARGIN);
    expect(margin.map((w) => w.text).join(" "), `page ${i + 1}`).toMatch(
      new RegExp(`^Commune Pulse · .* ${page} ${i + 1}/${boxes.length}$`),
    );
  });
}

const pagesWith = (pages: string[], pattern: RegExp | string) =>
  pages.flatMap((page, i) => ((typeof pattern === "string" ? page.includes(pattern) : pattern.test(page)) ? [i] : []));

describe(`PDF export, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let api: ApiCaller;
  const tokens: Record<"nation" | "hanoi" | "laichau" | "cuanam" | "reporter", string> = {
    nation: "",
    hanoi: "",
    laichau: "",
    cuanam: "",
    reporter: "",
  };

  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle);
    api = systemCaller(server.app.services);
    const sign = async (email: string, role: "admin" | "province" | "commune" | "reporter", scope: string) => {
      const [kind, code] = scope.split(":");
      const account = { email, role, scope: kind === "nation" ? { kind: "nation" } : { kind, code } } as Parameters<
        TestApp["signedIn"]
      >[0];
      return (await server.signedIn(account)).token;
    };
    tokens.nation = await sign("admin@pdf.test", "admin", "nation");
    tokens.hanoi = await sign("hanoi@pdf.test", "province", "province:01");
    tokens.laichau = await sign("laichau@pdf.test", "province", "province:12");
    tokens.cuanam = await sign("cuanam@pdf.test", "commune", "commune:00082");
    tokens.reporter = await sign("reporter@pdf.test", "reporter", "commune:00082");
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
  });

  const download = (query: string, token: string | null) =>
    fetch(`${server.url}/api/v1/export.pdf?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const pdfOf = async (query: string, token: string) => {
    const response = await download(query, token);
    expect(
      response.status,
      await response
        .clone()
        .text()
        .catch(() => ""),
    ).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    return new Uint8Array(await response.arrayBuffer());
  };

  it("a province's report names every commune exactly as the database does, with the API's numbers, on A4 with the font embedded", async () => {
    const pdf = await pdfOf("scope=province:01", tokens.hanoi);
    const province = await api.progress.province({ code: "01" });
    const pages = await pdfPages(pdf);
    const text = pages.join("\n");

    expect(province.communes).toHaveLength(126);
    for (const commune of province.communes) {
      expect(commune.fullName).toBe(commune.fullName.normalize("NFC"));
      // once, whole, on one line with its figures: never cut across lines or pages
      expect(pagesWith(pages, unitRow(commune.fullName, commune, "vi")), commune.fullName).toHaveLength(1);
    }
    expect(text).toMatch(unitRow("Tổng cộng", province.total, "vi"));
    expect(text).toContain(`Tỷ lệ kích hoạt mức 2`);
    expect(text).toContain(formatRate(province.total.indicators.activationRate, "vi"));

    // the official header, the scope, the date in Viet Nam and the data version
    const [year, month, day] = hcmDay(new Date()).split("-").map(Number);
    for (const line of [
      "ỦY BAN NHÂN DÂN",
      "THÀNH PHỐ HÀ NỘI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      `Hà Nội, ngày ${day} tháng ${month} năm ${year}`,
      "BÁO CÁO",
      "Phạm vi: Thành phố Hà Nội",
      `Phiên bản dữ liệu: ${formatCount(province.total.version, "vi")}`,
      "(giờ Việt Nam, UTC+7)",
      "IV. GIẢI THÍCH CHỈ SỐ",
      "Số: ……/BC",
      "Nơi nhận:",
      "NGƯỜI LẬP BÁO CÁO",
    ]) {
      expect(text.normalize("NFC"), line).toContain(line);
    }
    expect(text).toBe(text.normalize("NFC"));

    await expectA4WithOnlyTheFooterInTheMargin(pdf, "Trang");
    const [audit] = await listAudit(handle.db, { limit: 1, action: "export.pdf" });
    expect(audit).toMatchObject({ actor: expect.stringContaining("hanoi@pdf.test"), target: "province:01" });
    const fonts = await pdfFonts(pdf);
    expect(fonts).toMatch(/BeVietnamPro-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/BeVietnamPro-Bold\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it("repeats the table header on every page it continues to, keeps charts and key figures whole, and numbers the pages", async () => {
    const pages = await pdfPages(await pdfOf("scope=province:01", tokens.hanoi));
    const province = await api.progress.province({ code: "01" });
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => expect(page).toContain(`Trang ${i + 1}/${pages.length}`));

    const tablePages = new Set(province.communes.flatMap((c) => pagesWith(pages, unitRow(c.fullName, c, "vi"))));
    expect(tablePages.size).toBeGreaterThan(1);
    for (const i of tablePages) expect(pages[i]).toMatch(/STT[ \t]+Đơn vị/);

    // each figure with its own caption and note, the key figures with the pace counts: one page each
    for (const [start, end] of [
      ["Hình 1.", "Vạch đứt: mục tiêu"],
      ["Hình 2.", "Đường liền: đã kích hoạt"],
      ["I. CÁC CHỈ SỐ CHÍNH", "Số đơn vị theo tiến độ"],
    ] as const) {
      expect(pagesWith(pages, start), start).toHaveLength(1);
      expect(pagesWith(pages, end), end).toEqual(pagesWith(pages, start));
    }
  });

  it("the nation's report lists its 34 provinces, and its annex every commune of the country, none overflowing a page", async () => {
    const pdf = await pdfOf("scope=nation&annex=communes", tokens.nation);
    const pages = await pdfPages(pdf);
    const nation = await api.progress.nation({});
    const all = await api.progress.allCommunes({});
    expect(nation.provinces).toHaveLength(34);
    const annexStart = pagesWith(pages, "PHỤ LỤC: CÁC XÃ, PHƯỜNG, ĐẶC KHU TRÊN TOÀN QUỐC")[0] ?? -1;
    expect(annexStart).toBeGreaterThan(0);
    const report = pages.slice(0, annexStart).join("\n");
    for (const p of nation.provinces) expect(report).toMatch(unitRow(p.fullName, p, "vi"));

    const annex = pages.slice(annexStart).join("\f");
    const communes = all.provinces.flatMap((p) => p.communes);
    expect(communes).toHaveLength(3321);
    for (const c of communes) {
      expect(annex).toMatch(rowOf([c.fullName, formatCount(c.eligible, "vi"), formatCount(c.eidL2Activated, "vi")]));
    }
    // annex pages are cut before rendering: nothing but the footer runs into the bottom margin
    await expectA4WithOnlyTheFooterInTheMargin(pdf, "Trang");
    pages.forEach((page, i) => {
      if (i >= annexStart) expect(page, `page ${i + 1}`).toMatch(/STT[ \t]+Đơn vị/);
    });
  });

  it("a commune's report shows its villages and its teams by kind under its People's Committee", async () => {
    const pages = await pdfPages(await pdfOf("scope=commune:00082", tokens.cuanam));
    const detail = await api.progress.commune({ code: "00082" });
    const text = pages.join("\n");
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain(detail.commune.fullName.toLocaleUpperCase("vi"));
    expect(text).toContain("Các thôn, tổ dân phố");
    expect(text).toContain(formatRate(detail.commune.indicators.activationRate, "vi"));
    for (const village of detail.villages) {
      expect(text).toMatch(
        rowOf([village.name, village.households === null ? "—" : formatCount(village.households, "vi")]),
      );
    }
    // the teams summed by kind: how many, how many people
    const community = detail.teams.filter((t) => t.kind === "community_team");
    expect(community.length).toBeGreaterThan(0);
    expect(text).toMatch(
      rowOf([
        "Tổ công nghệ số cộng đồng",
        formatCount(community.length, "vi"),
        formatCount(
          community.reduce((n, t) => n + t.members, 0),
          "vi",
        ),
      ]),
    );
  });

  it("speaks English with lang=en", async () => {
    const pdf = await pdfOf("scope=province:01&lang=en", tokens.hanoi);
    const pages = await pdfPages(pdf);
    const province = await api.progress.province({ code: "01" });
    const text = pages.join("\n");
    await expectA4WithOnlyTheFooterInTheMargin(pdf, "Page");
    for (const line of ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness", "REPORT", "Page 1/"]) {
      expect(text).toContain(line);
    }
    for (const commune of province.communes) expect(text).toMatch(unitRow(commune.fullNameEn, commune, "en"));
    expect(text).not.toMatch(/Trang \d+\/\d+/);
  });

  it("refuses before rendering: 401 signed out, 403 out of scope, 400 naming the bad parameter", async () => {
    const refusals: [string, string | null, number][] = [
      ["scope=province:01", null, 401],
      ["scope=province:01", tokens.laichau, 403],
      ["scope=nation", tokens.hanoi, 403],
      ["scope=commune:00070", tokens.cuanam, 403],
      ["scope=province:99", tokens.nation, 404],
      ["scope=everywhere", tokens.nation, 400],
      ["scope=province:01&annex=communes", tokens.nation, 400],
      ["scope=province:01&lang=fr", tokens.nation, 400],
    ];
    for (const [query, token, status] of refusals) {
      const response = await download(query, token);
      expect(response.status, query).toBe(status);
      expect(response.headers.get("content-type"), query).toContain("application/json");
      const body = (await response.json()) as { error: { vi: string; en: string; fieldErrors: { field: string }[] } };
      expect(body.error.vi).toBeTruthy();
      expect(body.error.en).toBeTruthy();
      if (status === 400) {
        const field = query.includes("annex") ? "annex" : query.includes("lang") ? "lang" : "scope";
        expect(
          body.error.fieldErrors.map((e) => e.field),
          query,
        ).toContain(field);
      }
    }
    // a reporter may read its commune: the report is for anyone with a scope
    expect((await download("scope=commune:00082", tokens.reporter)).status).toBe(200);
  });
});
