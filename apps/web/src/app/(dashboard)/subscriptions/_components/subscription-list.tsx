"use client";

import type { RouterOutputs } from "@pulse/api";
import { fullNameIn } from "@pulse/messages/names";
import { SUBSCRIPTION_PATHS } from "@pulse/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useTRPC } from "../../../../trpc/react";

type Subscription = RouterOutputs["subscriptions"]["list"][number];

/** How often the list is read again: a delivery or a confirmation shows within this. */
const LIST_REFRESH_MS = 10_000;

const emlHref = (file: string) => `${SUBSCRIPTION_PATHS.outbox}?file=${encodeURIComponent(file)}`;

const TONE: Record<string, string> = {
  sent: "text-emerald-800",
  confirmed: "text-emerald-800",
  failed: "text-red-700",
  retrying: "text-amber-800",
  unsubscribed: "text-slate-500",
};

function Deliveries({ subscription }: { subscription: Subscription }) {
  const t = useTranslations("subscriptions");
  const format = useFormatter();
  if (subscription.deliveries.length === 0) return <p className="text-sm text-slate-600">{t("noDeliveries")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {subscription.deliveries.map((d) => (
        <li key={d.id} data-delivery={d.status}>
          {format.dateTime(d.slotAt, { dateStyle: "short", timeStyle: "short" })} · {d.email} ·{" "}
          <span className={TONE[d.status] ?? ""}>{t(`deliveryStatus.${d.status as "sent"}`)}</span>
          {d.attempts > 1 && ` (${t("attempts", { count: d.attempts })})`}
          {d.lastError && d.status !== "sent" && (
            <span className="block text-xs text-slate-600">
              {d.status === "skipped" ? t(`skipReasons.${d.lastError as "removed"}`) : d.lastError}
            </span>
          )}
          {d.outboxFile && (
            <>
              {" · "}
              <a className="text-sky-800 underline" href={emlHref(d.outboxFile)}>
                {t("openEml")}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function SubscriptionCard({ subscription, onRemove }: { subscription: Subscription; onRemove: () => void }) {
  const t = useTranslations("subscriptions");
  const locale = useLocale();
  const format = useFormatter();
  const unit = subscription.unit ? fullNameIn(subscription.unit, locale) : t("nation");
  const weekday = subscription.weekday ? t(`weekdays.${String(subscription.weekday) as "1"}`) : "";
  return (
    <li className="rounded bg-white p-4 ring-1 ring-slate-200" data-subscription={subscription.id}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">{unit}</h3>
        <button
          type="button"
          className="rounded px-2 py-1 text-sm text-red-800 underline hover:bg-red-50"
          onClick={() => window.confirm(t("removeConfirm")) && onRemove()}
        >
          {t("remove")}
        </button>
      </div>
      <p className="text-sm text-slate-700">
        {t("schedule", { cadence: subscription.cadence, time: subscription.time, weekday })} ·{" "}
        {t(`langs.${subscription.lang}`)} ·{" "}
        {t("next", { at: format.dateTime(subscription.nextAt, { dateStyle: "short", timeStyle: "short" }) })}
      </p>
      <ul className="my-2 text-sm">
        {subscription.recipients.map((r) => (
          <li key={r.id}>
            {r.email} · <span className={TONE[r.status] ?? "text-amber-800"}>{t(`recipientStatus.${r.status}`)}</span>
            {r.confirmationFile && (
              <>
                {" · "}
                <a className="text-sky-800 underline" href={emlHref(r.confirmationFile)}>
                  {t("confirmationEml")}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      <h4 className="mt-3 mb-1 text-sm font-semibold">{t("deliveries")}</h4>
      <Deliveries subscription={subscription} />
    </li>
  );
}

/** The user's subscriptions: schedule, addresses and their state, the latest deliveries. */
export function SubscriptionList() {
  const t = useTranslations("subscriptions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.subscriptions.list.queryOptions(), refetchInterval: LIST_REFRESH_MS });
  const remove = useMutation(
    trpc.subscriptions.remove.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.subscriptions.list.queryKey() }),
    }),
  );
  const usesOutbox = list.data?.some((s) =>
    [...s.recipients.map((r) => r.confirmationFile), ...s.deliveries.map((d) => d.outboxFile)].some(Boolean),
  );
  return (
    <section>
      <h2 className="mb-2 text-lg font-semibold">{t("mine")}</h2>
      {usesOutbox && <p className="mb-2 rounded bg-amber-50 p-2 text-sm ring-1 ring-amber-300">{t("outbox")}</p>}
      {list.data?.length === 0 && <p>{t("none")}</p>}
      <ul className="space-y-3">
        {(list.data ?? []).map((s) => (
          <SubscriptionCard key={s.id} subscription={s} onRemove={() => remove.mutate({ id: s.id })} />
        ))}
      </ul>
    </section>
  );
}
