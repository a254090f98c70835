"use client";

import { alertTextOf } from "@pulse/messages/names";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useLiveAlerts } from "../../live/live-provider";
import { useTRPC } from "../../trpc/react";

/**
 * The signed-in user's alerts in the account bar: the unread count, read again as soon as the
 * server pushes a change over the page's socket; a list of the latest raised and resolved.
 */
export function NotificationsBell() {
  const t = useTranslations("alerts");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mine = useQuery(trpc.alerts.mine.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.alerts.mine.queryKey() });
  useLiveAlerts(refresh);
  const markRead = useMutation(trpc.alerts.markRead.mutationOptions({ onSuccess: refresh }));
  const unread = mine.data?.unread ?? 0;
  const time = (at: Date) => format.dateTime(at, { timeStyle: "short", dateStyle: "short" });
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        data-unread={unread}
        className={`rounded px-2 py-1 underline ${unread > 0 ? "bg-red-50 font-semibold text-red-800" : "text-sky-800"}`}
        onClick={() => setOpen(!open)}
      >
        {t("open", { count: unread })}
      </button>
      {open && (
        <section
          aria-label={t("title")}
          className="absolute right-0 z-20 mt-1 max-h-96 w-96 overflow-y-auto rounded bg-white p-3 text-sm shadow-lg ring-1 ring-slate-300"
        >
          {mine.data?.notices.length === 0 && <p>{t("none")}</p>}
          <ul className="space-y-2">
            {(mine.data?.notices ?? []).map((n) => {
              const { key, values } = alertTextOf({ ...n.alert, event: n.event }, locale, time);
              const text = t(key as "raised.silent", values as { name: string; since: string });
              return (
                <li key={n.id} data-alert={n.alert.subject} className={n.read ? "text-slate-600" : "font-medium"}>
                  <span className={n.event === "raised" ? "text-red-800" : "text-emerald-800"}>{text}</span>
                  <span className="block text-xs text-slate-500">{time(n.at)}</span>
                </li>
              );
            })}
          </ul>
          {unread > 0 && (
            <button type="button" className="mt-2 text-sky-800 underline" onClick={() => markRead.mutate()}>
              {t("markRead")}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
