"use client";

import { remainingEligible, type PlaceLimits } from "@pulse/indicators";
import type { Scope } from "@pulse/schema";
import { useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import { loadPref, savePref } from "../../../field/field-store";
import type { OutboxEntry } from "../../../field/outbox-entry";
import { useOutbox } from "../../../field/use-outbox";
import { useCommunes, useVillages } from "../../../field/use-places";
import { useThrottled } from "../../../live/use-throttled";
import { OutboxBanner } from "./outbox-banner";
import { PlaceFigures } from "./place-figures";
import { CommunePicker, VillagePicker } from "./place-picker";
import { ReportForm } from "./report-form";
import { SentList } from "./sent-list";

interface PlaceChoice {
  communeCode: string | null;
  villageCode: string | null;
}

/** The clock, a tick a minute: how long a report has waited. */
const subscribeMinute = (tick: () => void) => {
  const timer = window.setInterval(tick, 60_000);
  return () => window.clearInterval(timer);
};
const useNow = () =>
  useSyncExternalStore(
    subscribeMinute,
    () => Math.floor(Date.now() / 60_000) * 60_000,
    () => 0,
  );

/** The last place chosen on this phone, if it is still in the user's scope. */
function useRememberedPlace(scope: Scope) {
  const own = scope.kind === "commune" ? scope.code : null;
  const [choice, setChoice] = useState<PlaceChoice>({ communeCode: own, villageCode: null });
  useEffect(() => {
    void loadPref("place").then((saved) => {
      if (!saved) return;
      const remembered = JSON.parse(saved) as PlaceChoice;
      if (!own || remembered.communeCode === own) setChoice(remembered);
    });
  }, [own]);
  const choose = (next: PlaceChoice) => {
    setChoice(next);
    void savePref("place", JSON.stringify(next));
  };
  return [choice, choose] as const;
}

/** What the phone knows of the place from its last answer (nothing offline on a first visit). */
function limitsOf(detail: ReturnType<typeof useVillages>["detail"], villageCode: string | null): PlaceLimits {
  if (!detail) return { remainingEligible: null, villageHouseholds: null };
  const { eligible, eidL2Activated } = detail.commune;
  const village = detail.villages.find((v) => v.code === villageCode);
  return {
    remainingEligible: remainingEligible(eligible, eidL2Activated),
    villageHouseholds: village?.households ?? null,
  };
}

/** Today's reports, and any older one still waiting, held for review, or refused. */
const isForToday = (entry: OutboxEntry, now: number) =>
  entry.state === "waiting" ||
  entry.state === "sending" ||
  entry.state === "refused" ||
  entry.state === "held" ||
  entry.state === "rejected" ||
  new Date(entry.createdAt).toDateString() === new Date(now).toDateString();

/** The field reporting page: choose the place, enter the figures, and follow each report to its receipt. */
export function FieldReport({ scope }: { scope: Scope }) {
  const t = useTranslations("field");
  const { outbox, snapshot } = useOutbox();
  const now = useNow();
  const [place, choose] = useRememberedPlace(scope);
  // A refused report being fixed: it is discarded once its fixed copy is kept.
  const [fixing, setFixing] = useState<OutboxEntry | null>(null);
  const communes = useCommunes(scope);
  // Figures read again once more reports are recorded (every 3 s at most during a sync): the
  // reporter sees the effect of what was sent.
  const recorded = useThrottled(snapshot.entries.filter((e) => e.state === "recorded").length, 3_000);
  const villages = useVillages(place.communeCode, recorded);
  const names = new Map([...(communes.places ?? []), ...(villages.places ?? [])].map((p) => [p.code, p.name]));
  const nameOf = (entry: OutboxEntry) =>
    names.get(entry.report.villageCode ?? "") ?? names.get(entry.report.communeCode) ?? entry.report.communeCode;
  const placeName =
    (place.villageCode && names.get(place.villageCode)) ||
    (place.communeCode && names.get(place.communeCode)) ||
    t("wholeCommune");

  return (
    <div className="space-y-5">
      <OutboxBanner snapshot={snapshot} onRetry={() => void outbox?.retryNow()} />
      {scope.kind === "province" && (
        <CommunePicker
          communes={communes.places ?? []}
          value={place.communeCode}
          onChange={(code) => choose({ communeCode: code, villageCode: null })}
        />
      )}
      {place.communeCode && (
        <VillagePicker
          villages={villages.places ?? []}
          value={place.villageCode}
          offline={villages.offline}
          onChange={(code) => choose({ ...place, villageCode: code })}
        />
      )}
      {villages.detail && (
        <PlaceFigures detail={villages.detail} villageCode={place.villageCode} entries={snapshot.entries} />
      )}
      {/* After the phone's storage is read: the form's defaults (now, the remembered team) are the phone's. */}
      {place.communeCode && snapshot.loaded && (
        <ReportForm
          key={fixing?.key ?? "new"}
          place={{ communeCode: place.communeCode, villageCode: place.villageCode }}
          placeName={placeName}
          initial={fixing?.report ?? null}
          limits={limitsOf(villages.detail, place.villageCode)}
          onSend={async (report) => {
            await outbox?.add(report);
            if (fixing) await outbox?.discard(fixing.key);
            setFixing(null);
          }}
        />
      )}
      <SentList
        entries={snapshot.entries.filter((e) => isForToday(e, now))}
        now={now}
        nameOf={nameOf}
        onDiscard={(entry) => void outbox?.discard(entry.key)}
        onFix={(entry) => {
          choose({ communeCode: entry.report.communeCode, villageCode: entry.report.villageCode ?? null });
          setFixing(entry);
        }}
      />
    </div>
  );
}
