import { mostBehind, type Locale, type UnitIndicators } from "@pulse/indicators";
import { nameIn } from "@pulse/messages";
import type { Scope } from "@pulse/schema";
import type Mail from "nodemailer/lib/mailer";
import { escapeHtml } from "./html";
import { formatters, type Format } from "../pdf/layout/format";
import type { ReportInput } from "../pdf/report-input";

/** How many of the units most behind a message names. */
const BEHIND_SHOWN = 5;

/** The key figures of a report, in its language: what the message says before the PDF. */
export interface ReportSummary {
  unit: string;
  asOf: string;
  campaign: string;
  lines: string[];
  behindHeading: string;
  behind: string[];
  demo: string | null;
}

type ScopeView =
  Extract<ReportInput, { kind: "nation" }>["nation"] | Extract<ReportInput, { kind: "province" }>["province"];

interface Figures {
  indicators: UnitIndicators;
  eidL2Activated: number;
  eligible: number;
  activatedLast7Days: number;
}

function figureLines(f: Format, total: Figures): string[] {
  const ind = total.indicators;
  const lines = [
    f.t("mail.rate", {
      rate: f.rate(ind.activationRate),
      activated: f.count(total.eidL2Activated),
      eligible: f.count(total.eligible),
    }),
  ];
  if (ind.pace)
    lines.push(
      f.t("mail.pace", {
        status: f.status(ind),
        current: f.count(Math.round(ind.pace.currentPerDay)),
        required: ind.pace.requiredPerDay === null ? "—" : f.count(Math.ceil(ind.pace.requiredPerDay)),
      }),
    );
  lines.push(f.t("mail.last7Days", { count: f.count(total.activatedLast7Days) }));
  return lines;
}

export function summaryOf(input: ReportInput): ReportSummary {
  const f = formatters(input.lang);
  const at = new Date(input.generatedAt);
  const asOf = f.t("mail.asOf", { time: f.time(at), date: f.date(at) });
  const campaignOf = (campaign: ScopeView["campaign"]) =>
    campaign ? f.t("mail.campaign", { name: nameIn(campaign, f.lang) }) : f.t("mail.noCampaign");
  if (input.kind === "commune") {
    const { commune, campaign, villages } = input.commune;
    return {
      unit: f.fullName(commune),
      asOf,
      campaign: campaignOf(campaign),
      lines: figureLines(f, commune),
      behindHeading: f.t("mail.behindHeading"),
      behind: villages
        .slice(0, BEHIND_SHOWN)
        .map((v) => f.t("mail.behindVillage", { name: v.name, coverage: f.rate(v.visitCoverage) })),
      demo: commune.isDemo ? f.t("mail.demo") : null,
    };
  }
  const view: ScopeView = input.kind === "nation" ? input.nation : input.province;
  const units = input.kind === "nation" ? input.nation.provinces : input.province.communes;
  const province = input.kind === "province" ? input.province.province : null;
  return {
    unit: province ? f.fullName(province) : f.t("pdf.nation"),
    asOf,
    campaign: campaignOf(view.campaign),
    lines: figureLines(f, view.total),
    behindHeading: f.t("mail.behindHeading"),
    behind: mostBehind(units, BEHIND_SHOWN).map((u) =>
      f.t("mail.behindUnit", {
        name: f.fullName(u),
        rate: f.rate(u.indicators.activationRate),
        status: f.status(u.indicators),
      }),
    ),
    demo: view.total.isDemo ? f.t("mail.demo") : null,
  };
}

/** The live page of a scope, on the web app. */
export function livePathOf(scope: Scope): string {
  return scope.kind === "nation" ? "/nation" : `/${scope.kind}/${scope.code}`;
}

export interface ReportMessageInput {
  input: ReportInput;
  cadence: "daily" | "weekly";
  to: string;
  owner: string;
  liveUrl: string;
  unsubscribeUrl: string;
  pdf: Uint8Array;
  pdfName: string;
}

/** Subject, plain text and HTML of a scheduled report, its PDF attached, with one-click unsubscription. */
export function reportMessage(m: ReportMessageInput): Mail.Options {
  const lang: Locale = m.input.lang;
  const f = formatters(lang);
  const s = summaryOf(m.input);
  const subject = f.t("mail.reportSubject", {
    cadence: m.cadence,
    unit: s.unit,
    date: f.date(new Date(m.input.generatedAt)),
  });
  const heading = f.t("mail.heading", { unit: s.unit });
  const behind = s.behind.length > 0 ? s.behind : [f.t("mail.noneBehind")];
  const why = f.t("mail.why", { owner: m.owner, email: m.to });
  const text = [
    heading,
    s.asOf,
    s.campaign,
    ...(s.demo ? [s.demo] : []),
    "",
    ...s.lines,
    "",
    `${s.behindHeading}:`,
    ...behind.map((line) => `- ${line}`),
    "",
    `${f.t("mail.openLive")}: ${m.liveUrl}`,
    f.t("mail.attached"),
    "",
    "--",
    why,
    `${f.t("mail.unsubscribe")}: ${m.unsubscribeUrl}`,
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:Arial,sans-serif;color:#1f2937">
<h1 style="font-size:18px">${e(heading)}</h1>
<p>${e(s.asOf)}<br>${e(s.campaign)}</p>${s.demo ? `<p style="color:#b45309">${e(s.demo)}</p>` : ""}
<ul>${s.lines.map((line) => `<li>${e(line)}</li>`).join("")}</ul>
<h2 style="font-size:15px">${e(s.behindHeading)}</h2>
<ul>${behind.map((line) => `<li>${e(line)}</li>`).join("")}</ul>
<p><a href="${e(m.liveUrl)}">${e(f.t("mail.openLive"))}</a> · ${e(f.t("mail.attached"))}</p>
<hr><p style="font-size:12px;color:#6b7280">${e(why)}<br><a href="${e(m.unsubscribeUrl)}">${e(f.t("mail.unsubscribe"))}</a></p>
</body></html>`;
  return {
    to: m.to,
    subject,
    text,
    html,
    attachments: [{ filename: m.pdfName, content: Buffer.from(m.pdf), contentType: "application/pdf" }],
    // RFC 8058: a mail client's own "unsubscribe" button POSTs to the link, no page to click through.
    list: { unsubscribe: { url: m.unsubscribeUrl, comment: f.t("mail.unsubscribe") } },
    headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
