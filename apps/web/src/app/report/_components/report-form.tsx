"use client";

import { formatCount, type Locale } from "@pulse/indicators";
import type { CounterKey, CountsReport, FieldError } from "@pulse/schema";
import { COUNTER_KEYS } from "@pulse/schema/keys";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { loadPref, savePref } from "../../../field/field-store";
import { SubmitButton } from "../../_components/submit-button";
import { DATE_TIME } from "../../_components/date-formats";
import { CounterField, FieldErrors } from "./counter-field";
import { implausibleFigures, type Implausible, type PlaceLimits } from "@pulse/indicators";
import { draftOfReport, emptyDraft, loadSchemas, newKey, reportOfDraft, toLocalInput, type DraftValues } from "./draft";

const BIG_BUTTON = "h-12 rounded px-5 text-lg font-semibold";

/**
 * What was done since the last report, checked with the server's schema, shown once more for
 * confirmation, then handed to the outbox (which keeps it on the phone before sending).
 */
export function ReportForm({
  place,
  placeName,
  initial,
  limits,
  onSend,
}: {
  place: { communeCode: string; villageCode: string | null };
  placeName: string;
  /** a refused report to fix: its figures fill the form */
  initial: CountsReport | null;
  /** what the phone knows of the place, to warn of figures that are probably typos */
  limits: PlaceLimits;
  onSend: (report: CountsReport) => Promise<void>;
}) {
  const t = useTranslations("field");
  // Eight fields in plain state: a form library would cost the page more than it saves here.
  const [draft, setDraft] = useState<DraftValues>(() => (initial ? draftOfReport(initial) : emptyDraft("")));
  const change = (patch: Partial<DraftValues>) => setDraft((d) => ({ ...d, ...patch }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [review, setReview] = useState<CountsReport | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!initial) void loadPref("reporter").then((reporter) => reporter && setDraft((d) => ({ ...d, reporter })));
    // Fetched now, while there may be a network, so that checking works offline later.
    void loadSchemas();
  }, [initial]);

  const check = async (event: FormEvent) => {
    event.preventDefault();
    // The key is made when the report is kept (on "send"); this one only checks the fields.
    const checked = await reportOfDraft(draft, place, newKey());
    setErrors(checked.errors ?? []);
    setReview(checked.report);
    setSaved(false);
  };
  const send = async () => {
    if (!review) return;
    await onSend({ ...review, idempotencyKey: newKey() });
    await savePref("reporter", review.reporter);
    setDraft(emptyDraft(review.reporter));
    setReview(null);
    setSaved(true);
  };

  if (review) {
    return (
      <ConfirmStep
        warnings={implausibleFigures(review.counters, limits)}
        review={review}
        placeName={placeName}
        onSend={() => void send()}
        onEdit={() => setReview(null)}
      />
    );
  }

  return (
    <form className="space-y-4" onSubmit={(e) => void check(e)} noValidate>
      <h2 className="text-lg font-bold">{t("countersTitle")}</h2>
      <CounterFields
        counters={draft.counters}
        onChange={(key, text) => change({ counters: { ...draft.counters, [key]: text } })}
        errors={errors}
      />
      <FieldErrors errors={errors} field="counters" />
      <WhenAndWho draft={draft} onChange={change} errors={errors} />
      {errors.length > 0 && (
        <p role="alert" className="font-semibold text-red-700">
          {t("fixErrors", { count: errors.length })}
        </p>
      )}
      {saved && (
        <p role="status" className="rounded bg-emerald-50 p-3 text-emerald-900 ring-1 ring-emerald-300">
          {t("savedOffline")}
        </p>
      )}
      <SubmitButton pending={false} className="h-12 w-full text-lg">
        {t("review")}
      </SubmitButton>
    </form>
  );
}

/** The figures once more, big, before they are kept and sent. */
function ConfirmStep({
  warnings,
  review,
  placeName,
  onSend,
  onEdit,
}: {
  warnings: Implausible<CounterKey>[];
  review: CountsReport;
  placeName: string;
  onSend: () => void;
  onEdit: () => void;
}) {
  const t = useTranslations("field");
  const tCounters = useTranslations("field.counters");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  return (
    <section className="space-y-3 rounded bg-amber-50 p-4 ring-1 ring-amber-300" aria-labelledby="confirm-title">
      <h2 id="confirm-title" className="text-lg font-bold">
        {t("confirmTitle")}
      </h2>
      <p>{t("confirmPlace", { place: placeName })}</p>
      <p>
        {t("confirmWhen", {
          when: format.dateTime(review.asOf, DATE_TIME),
        })}
      </p>
      <ImplausibleWarning warnings={warnings} counters={review.counters} />
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-lg" data-testid="confirm-figures">
        {COUNTER_KEYS.flatMap((key) =>
          review.counters[key] === undefined
            ? []
            : [
                <dt key={`${key}-label`}>{tCounters(key)}</dt>,
                <dd key={key} className="text-right font-bold tabular-nums">
                  {formatCount(review.counters[key] ?? 0, locale)}
                </dd>,
              ],
        )}
      </dl>
      <div className="flex flex-wrap gap-3">
        <button type="button" className={`${BIG_BUTTON} bg-sky-800 text-white`} onClick={onSend}>
          {warnings.length > 0 ? t("sendAnyway") : t("send")}
        </button>
        <button type="button" className={`${BIG_BUTTON} bg-slate-200`} onClick={onEdit}>
          {t("edit")}
        </button>
      </div>
    </section>
  );
}

/** When the work was done (never in the future) and which team reports it. */
function WhenAndWho({
  draft,
  onChange,
  errors,
}: {
  draft: DraftValues;
  onChange: (patch: Partial<DraftValues>) => void;
  errors: FieldError[];
}) {
  const t = useTranslations("field");
  return (
    <>
      <label className="block">
        <span className="block font-semibold">{t("asOf")}</span>
        <input
          type="datetime-local"
          className="mt-1 h-12 w-full rounded border border-slate-400 px-3 text-lg"
          max={toLocalInput(new Date())}
          name="asOf"
          value={draft.asOf}
          onChange={(e) => onChange({ asOf: e.target.value })}
        />
        <FieldErrors errors={errors} field="asOf" />
      </label>
      <label className="block">
        <span className="block font-semibold">{t("reporter")}</span>
        <input
          className="mt-1 h-12 w-full rounded border border-slate-400 px-3 text-lg"
          autoComplete="organization"
          name="reporter"
          value={draft.reporter}
          onChange={(e) => onChange({ reporter: e.target.value })}
        />
        <FieldErrors errors={errors} field="reporter" />
      </label>
    </>
  );
}

/** Figures that are probably typing errors, said before sending: fix them, or send anyway. */
function ImplausibleWarning({
  warnings,
  counters,
}: {
  warnings: Implausible<CounterKey>[];
  counters: CountsReport["counters"];
}) {
  const t = useTranslations("field");
  const tCounters = useTranslations("field.counters");
  const locale = useLocale() as Locale;
  if (warnings.length === 0) return null;
  return (
    <div role="alert" className="rounded bg-red-50 p-3 text-red-900 ring-1 ring-red-300" data-implausible>
      <p className="font-bold">{t("implausibleTitle")}</p>
      <ul className="list-disc pl-5">
        {warnings.map((w) => (
          <li key={w.counter}>
            {t(`implausible.${w.reason}`, {
              counter: tCounters(w.counter),
              value: formatCount(counters[w.counter] ?? 0, locale),
              limit: formatCount(w.limit, locale),
            })}
          </li>
        ))}
      </ul>
      <p className="mt-1">{t("implausibleHeld")}</p>
    </div>
  );
}

/** The six counters, each with its stepper and its errors. */
function CounterFields({
  counters,
  onChange,
  errors,
}: {
  counters: DraftValues["counters"];
  onChange: (key: CounterKey, text: string) => void;
  errors: FieldError[];
}) {
  const tCounters = useTranslations("field.counters");
  return COUNTER_KEYS.map((key) => (
    <CounterField
      key={key}
      label={tCounters(key)}
      field={`counters.${key}`}
      value={counters[key]}
      onChange={(text) => onChange(key, text)}
      errors={errors}
    />
  ));
}
