"use client";

import type { RouterOutputs } from "@pulse/api";
import { formatCount, type Locale } from "@pulse/indicators";
import { textIn } from "@pulse/messages/names";
import { COUNTER_KEYS, type Scope } from "@pulse/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useTRPC } from "../../../trpc/react";
import { DATE_TIME } from "../date-formats";

type HeldReport = RouterOutputs["review"]["held"][number];

/** How often the list is asked again while the page is open (a held report pushes nothing to screens). */
const REFRESH_MS = 30_000;

/** What a held report says and why it was held, in the reviewer's language. */
function HeldFigures({ report }: { report: HeldReport }) {
  const tField = useTranslations("field");
  const tCounters = useTranslations("field.counters");
  const locale = useLocale() as Locale;
  const reasons = new Map(report.reasons.map((r) => [r.counter, r]));
  return (
    <ul className="text-sm">
      {COUNTER_KEYS.flatMap((key) => {
        const value = report.counters[key];
        if (value === undefined) return [];
        const reason = reasons.get(key);
        return [
          <li key={key} className={reason ? "font-semibold text-red-800" : ""}>
            {reason
              ? tField(`implausible.${reason.reason}`, {
                  counter: tCounters(key),
                  value: formatCount(value, locale),
                  limit: formatCount(reason.limit, locale),
                })
              : `${tCounters(key)}: ${formatCount(value, locale)}`}
          </li>,
        ];
      })}
    </ul>
  );
}

const DECISIONS = [
  { decision: "approve", tone: "bg-emerald-800 text-white" },
  { decision: "reject", tone: "bg-slate-200 text-slate-900" },
] as const;

/** One held report with its two decisions; a decision asks for confirmation first. */
function HeldItem({ report, scope }: { report: HeldReport; scope: Scope }) {
  const t = useTranslations("command.review");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const decide = useMutation(
    trpc.review.decide.mutationOptions({
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.review.held.queryKey({ scope }) });
        void queryClient.invalidateQueries({ queryKey: trpc.reports.recent.queryKey() });
      },
    }),
  );
  const place = [report.villageName, scope.kind === "commune" ? null : report.communeName].filter(Boolean).join(", ");
  const ask = (decision: "approve" | "reject") =>
    window.confirm(t(decision === "approve" ? "confirmApprove" : "confirmReject")) &&
    decide.mutate({ reportId: report.id, decision });
  const failure = decide.error?.data?.text;
  return (
    <li className="rounded bg-white p-3 ring-1 ring-violet-200" data-held-report={report.id}>
      <p className="font-semibold">
        {place || report.communeName} · {report.reporter}
      </p>
      <p className="text-sm text-slate-700">
        {t("meta", {
          asOf: format.dateTime(new Date(report.asOf), DATE_TIME),
          received: format.dateTime(new Date(report.receivedAt), DATE_TIME),
          id: report.id,
        })}
      </p>
      <HeldFigures report={report} />
      <div className="mt-2 flex flex-wrap gap-2">
        {DECISIONS.map(({ decision, tone }) => (
          <button
            key={decision}
            type="button"
            disabled={decide.isPending}
            className={`h-10 rounded px-4 font-semibold disabled:opacity-60 ${tone}`}
            onClick={() => ask(decision)}
          >
            {t(decision)}
          </button>
        ))}
      </div>
      {failure && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {textIn(failure, locale)}
        </p>
      )}
    </li>
  );
}

/**
 * Reports held as probable typos in this scope, for the commune and province users who decide
 * them: approved, a report counts (once); rejected, it never does. Shown only when there are some.
 */
export function HeldReports({ scope }: { scope: Scope }) {
  const t = useTranslations("command.review");
  const trpc = useTRPC();
  const held = useQuery({ ...trpc.review.held.queryOptions({ scope }), refetchInterval: REFRESH_MS });
  const reports = held.data ?? [];
  if (reports.length === 0) return null;
  return (
    <section aria-labelledby="held-title" className="space-y-2 rounded bg-violet-50 p-3 ring-1 ring-violet-200">
      <h2 id="held-title" className="text-lg font-semibold text-violet-950">
        {t("title", { count: reports.length })}
      </h2>
      <p className="text-sm text-violet-950">{t("explain")}</p>
      <ul className="space-y-2">
        {reports.map((report) => (
          <HeldItem key={report.id} report={report} scope={scope} />
        ))}
      </ul>
    </section>
  );
}
