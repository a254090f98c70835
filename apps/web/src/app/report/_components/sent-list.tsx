"use client";

import { formatCount, type Locale } from "@pulse/indicators";
import { textIn } from "@pulse/messages/names";
import { COUNTER_KEYS } from "@pulse/schema/keys";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { OutboxEntry } from "../../../field/outbox-entry";
import { DATE_TIME } from "../../_components/date-formats";

/** Reports shown in the list; the waiting count covers them all. */
const SHOWN = 100;

const STATE_TONE: Record<OutboxEntry["state"], string> = {
  waiting: "bg-amber-100 text-amber-900",
  sending: "bg-sky-100 text-sky-900",
  recorded: "bg-emerald-100 text-emerald-900",
  held: "bg-violet-100 text-violet-900",
  rejected: "bg-red-100 text-red-900",
  refused: "bg-red-100 text-red-900",
};

function useWaitedFor() {
  const t = useTranslations("field");
  return (since: number, now: number) => {
    const minutes = Math.floor((now - since) / 60_000);
    if (minutes < 1) return t("lessThanMinute");
    return minutes < 60 ? t("minutes", { count: minutes }) : t("hours", { count: Math.floor(minutes / 60) });
  };
}

/** One report from this phone: where, what, and its one state (with its receipt or the reason). */
function SentItem({
  entry,
  now,
  placeName,
  onDiscard,
  onFix,
}: {
  entry: OutboxEntry;
  now: number;
  placeName: string;
  onDiscard: () => void;
  onFix: () => void;
}) {
  const t = useTranslations("field");
  const tCounters = useTranslations("field.counters");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const waitedFor = useWaitedFor();
  const { report } = entry;
  return (
    <li className="rounded bg-white p-3 ring-1 ring-slate-200" data-report-key={entry.key} data-state={entry.state}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{placeName}</span>
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATE_TONE[entry.state]}`}>
          {t(`state.${entry.state}`)}
          {entry.state === "waiting" && ` · ${t("waitingFor", { duration: waitedFor(entry.createdAt, now) })}`}
          {entry.receipt && ` · ${t("receipt", { id: entry.receipt.reportId })}`}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {format.dateTime(new Date(report.asOf), DATE_TIME)} ·{" "}
        {COUNTER_KEYS.flatMap((key) =>
          report.counters[key] === undefined
            ? []
            : [`${tCounters(key)}: ${formatCount(report.counters[key] ?? 0, locale)}`],
        ).join(" · ")}
      </p>
      {entry.state === "held" && <p className="mt-1 text-sm text-violet-900">{t("heldNote")}</p>}
      {(entry.refusal || entry.state === "rejected") && (
        <div className="mt-2 space-y-2">
          <p role="alert" className="text-sm text-red-800">
            {entry.refusal ? textIn(entry.refusal, locale) : t("rejectedNote")}
            {entry.refusal?.fieldErrors.map((e) => ` ${e.field}: ${textIn(e, locale)}`).join(";")}
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="h-11 rounded bg-sky-800 px-4 font-semibold text-white" onClick={onFix}>
              {t("fixAndResend")}
            </button>
            <button
              type="button"
              className="h-11 rounded bg-slate-200 px-4 font-semibold"
              onClick={() => window.confirm(t("confirmDiscard")) && onDiscard()}
            >
              {t("discard")}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** "Sent today": this phone's reports, newest first, each with its state. */
export function SentList({
  entries,
  now,
  nameOf,
  onDiscard,
  onFix,
}: {
  entries: OutboxEntry[];
  now: number;
  nameOf: (entry: OutboxEntry) => string;
  onDiscard: (entry: OutboxEntry) => void;
  onFix: (entry: OutboxEntry) => void;
}) {
  const t = useTranslations("field");
  return (
    <section aria-labelledby="sent-title" className="space-y-2">
      <h2 id="sent-title" className="text-lg font-bold">
        {t("sentTitle")}
      </h2>
      {entries.length === 0 && <p className="text-slate-700">{t("sentNone")}</p>}
      <ul className="space-y-2">
        {entries.slice(0, SHOWN).map((entry) => (
          <SentItem
            key={entry.key}
            entry={entry}
            now={now}
            placeName={nameOf(entry)}
            onDiscard={() => onDiscard(entry)}
            onFix={() => onFix(entry)}
          />
        ))}
      </ul>
    </section>
  );
}
