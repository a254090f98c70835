"use client";

import { formatCount, formatRate, rateOf, visitCoverage, type Locale } from "@pulse/indicators";
import { fullNameIn } from "@pulse/messages/names";
import type { CommunePlaces } from "@pulse/schema/places";
import { useLocale, useTranslations } from "next-intl";
import type { OutboxEntry } from "../../../field/outbox-entry";

/** What this phone's reports not yet recorded would add, where they apply. */
function pendingSums(entries: OutboxEntry[], communeCode: string, villageCode: string | null) {
  const sums = { activated: 0, households: 0, villageActivated: 0, villageHouseholds: 0 };
  for (const { state, report } of entries) {
    if ((state !== "waiting" && state !== "sending") || report.communeCode !== communeCode) continue;
    const activated = report.counters.eidL2Activated ?? 0;
    const households = report.counters.householdsVisited ?? 0;
    sums.activated += activated;
    sums.households += households;
    if (villageCode && report.villageCode === villageCode) {
      sums.villageActivated += activated;
      sums.villageHouseholds += households;
    }
  }
  return sums;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-xl font-bold tabular-nums">{value}</dd>
    </div>
  );
}

/**
 * The chosen village's and commune's figures, so the reporter sees the effect of what was sent;
 * with reports still waiting on the phone, their numbers are added and marked provisional.
 */
export function PlaceFigures({
  detail,
  villageCode,
  entries,
}: {
  detail: CommunePlaces;
  villageCode: string | null;
  entries: OutboxEntry[];
}) {
  const t = useTranslations("field");
  const locale = useLocale() as Locale;
  const { commune } = detail;
  const village = detail.villages.find((v) => v.code === villageCode) ?? null;
  const pending = pendingSums(entries, commune.code, villageCode);
  const provisional = pending.activated > 0 || pending.households > 0;
  const count = (n: number) => formatCount(n, locale);
  return (
    <section aria-labelledby="figures-title" className="rounded bg-white p-4 ring-1 ring-slate-200" data-figures>
      <h2 id="figures-title" className="font-bold">
        {t("figuresTitle")}
        {provisional && (
          <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-900" data-provisional>
            {t("provisional")}
          </span>
        )}
      </h2>
      <p className="mt-2 font-semibold">{fullNameIn(commune, locale)}</p>
      <dl className="mt-1 grid grid-cols-3 gap-2" data-commune-figures>
        <Figure
          label={t("rate")}
          value={formatRate(rateOf(commune.eidL2Activated + pending.activated, commune.eligible), locale)}
        />
        <Figure label={t("activatedToday")} value={count(detail.activatedToday + pending.activated)} />
        <Figure label={t("householdsVisited")} value={count(commune.householdsVisited + pending.households)} />
      </dl>
      {village && (
        <>
          <p className="mt-3 font-semibold">{village.name}</p>
          <dl className="mt-1 grid grid-cols-3 gap-2" data-village-figures>
            <Figure label={t("activated")} value={count(village.eidL2Activated + pending.villageActivated)} />
            <Figure
              label={t("householdsVisited")}
              value={count(village.householdsVisited + pending.villageHouseholds)}
            />
            <Figure
              label={t("visitCoverage")}
              value={formatRate(
                visitCoverage(village.householdsVisited + pending.villageHouseholds, village.households),
                locale,
              )}
            />
          </dl>
        </>
      )}
    </section>
  );
}
