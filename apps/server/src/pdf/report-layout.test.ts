import { indicatorsOf, type CampaignWindow } from "@pulse/indicators";
import { describe, expect, it } from "vitest";
import type { ReportInput } from "./report-input";
import { buildReportLayout } from "./report-layout";

const CAMPAIGN = {
  id: "c",
  name: "Chiến dịch thử",
  nameEn: "Test campaign",
  scopeKind: "nation",
  scopeCode: null,
  startsOn: "2026-07-01",
  deadline: "2026-12-31",
  targetRate: 0.8,
  isDemo: false,
} as const;
const TODAY = "2026-11-26";

function unit(code: string, fullName: string, eligible: number, activated: number) {
  const counts = {
    eligible,
    cccdIssued: 0,
    eidL2Registered: activated + 10,
    eidL2Activated: activated,
    peopleTrained: 0,
    householdsVisited: 0,
    smartphonesDonated: 0,
    villagesTotal: 10,
    villagesWithTeam: 5,
    supportStaff: 3,
    activatedLast7Days: 70,
  };
  return {
    ...counts,
    code,
    name: fullName.replace(/^(Xã|Phường) /, ""),
    nameEn: fullName,
    fullName,
    fullNameEn: `${fullName} (en)`,
    kind: "xa",
    communes: 1,
    villagesReported: 10,
    lastReportAt: null,
    isDemo: false,
    version: 1,
    indicators: indicatorsOf(counts, CAMPAIGN as CampaignWindow, TODAY),
  };
}

function provinceInput(communes: ReturnType<typeof unit>[], lang: "vi" | "en" = "vi"): ReportInput {
  const total = { ...unit("total", "Tổng", 0, 0), communes: communes.length, version: communes.length };
  return {
    lang,
    generatedAt: "2026-11-26T02:15:00.000Z",
    kind: "province",
    province: {
      campaign: CAMPAIGN,
      province: { code: "01", name: "Hà Nội", nameEn: "Hanoi", fullName: "Thành phố Hà Nội", fullNameEn: "Hanoi City" },
      total,
      communes,
    },
    series: { campaign: CAMPAIGN, series: [] },
  };
}

describe("buildReportLayout", () => {
  it("ranks units by activation rate, highest first, a unit without a denominator last", () => {
    const layout = buildReportLayout(
      provinceInput([unit("1", "Xã A", 1000, 500), unit("2", "Xã B", 0, 0), unit("3", "Xã C", 1000, 900)]),
    );
    expect(layout.table.rows.map((r) => [r[0]?.text, r[1]?.text, r[5]?.text])).toEqual([
      ["1", "Xã C", "90,0%"],
      ["2", "Xã A", "50,0%"],
      ["3", "Xã B", "—"],
    ]);
    expect(layout.header.issuer).toEqual(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]);
    expect(layout.header.placeDate).toBe("Hà Nội, ngày 26 tháng 11 năm 2026");
    expect(layout.generated).toContain("09:15 ngày 26/11/2026");
  });

  it("names each bar up to 40 units, and draws ranked columns above that", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => unit(`${i}`, `Xã ${i}`, 100, i));
    expect(buildReportLayout(provinceInput(many(40))).rateChart.ranked).toBe(false);
    const ranked = buildReportLayout(provinceInput(many(41))).rateChart;
    expect(ranked.ranked).toBe(true);
    expect(ranked.title).toContain("41 đơn vị");
    expect(ranked.targetTenths).toBe(800);
  });

  it("writes English with English names and numbers", () => {
    const layout = buildReportLayout(provinceInput([unit("1", "Xã A", 12_345, 6_789)], "en"));
    expect(layout.table.rows[0]?.slice(1, 6).map((c) => c.text)).toEqual([
      "Xã A (en)",
      "12,345",
      "6,799",
      "6,789",
      "55.0%",
    ]);
    expect(layout.header.placeDate).toBe("Hanoi, 26 November 2026");
    expect(layout.pageLabel).toEqual({ before: "Page ", between: "/", after: "" });
  });
});
