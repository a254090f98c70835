"use client";

import { minuteOfDayOf, timeOfDay } from "@pulse/indicators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../../../trpc/react";
import { FieldMessage, fieldErrorsOf } from "../../../_components/field-message";

type OnHours = { start: number; end: number } | null;

/**
 * A screen's on-hours: its own ("06:00–22:00") or its campaign's. A manager sets them (a ward's
 * TV switched off at night is then not reported dark) or goes back to the campaign's.
 */
export function OnHoursCell({ id, onHours, editable }: { id: string; onHours: OnHours; editable: boolean }) {
  const t = useTranslations("kiosk.onHours");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [from, setFrom] = useState(timeOfDay(onHours?.start ?? 7 * 60));
  const [to, setTo] = useState(timeOfDay(onHours?.end ?? 18 * 60));
  const save = useMutation(
    trpc.kiosk.setOnHours.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        void queryClient.invalidateQueries({ queryKey: trpc.kiosk.list.queryKey() });
      },
    }),
  );
  const shown = onHours ? `${timeOfDay(onHours.start)}–${timeOfDay(onHours.end)}` : t("campaign");
  if (!editing)
    return (
      <span className="whitespace-nowrap">
        {shown}
        {editable && (
          <button type="button" className="ml-2 text-sky-800 underline" onClick={() => setEditing(true)}>
            {t("set")}
          </button>
        )}
      </span>
    );
  const errors = fieldErrorsOf(save.error);
  // "24:00" cannot be typed: an end of 00:00 means midnight, the end of the day
  const end = (time: string) => minuteOfDayOf(time) || 1440;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id, onHours: { start: minuteOfDayOf(from), end: end(to) } });
      }}
    >
      <label>
        <span className="block text-xs">{t("from")}</span>
        <input type="time" className="rounded border px-1" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        <span className="block text-xs">{t("to")}</span>
        <input type="time" className="rounded border px-1" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit" className="rounded bg-sky-800 px-2 py-1 text-white">
        {t("save")}
      </button>
      <button type="button" className="text-sky-800 underline" onClick={() => save.mutate({ id, onHours: null })}>
        {t("useCampaign")}
      </button>
      <button type="button" className="underline" onClick={() => setEditing(false)}>
        {t("cancel")}
      </button>
      <FieldMessage errors={errors} field="onHours.end" />
    </form>
  );
}
