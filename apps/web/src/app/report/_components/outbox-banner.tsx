"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import type { OutboxSnapshot } from "../../../field/outbox";

const subscribeOnline = (change: () => void) => {
  window.addEventListener("online", change);
  window.addEventListener("offline", change);
  return () => {
    window.removeEventListener("online", change);
    window.removeEventListener("offline", change);
  };
};
const useOnline = () =>
  useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );

/** Offline, waiting reports, or a session to renew: what the reporter needs to know about sending. */
export function OutboxBanner({ snapshot, onRetry }: { snapshot: OutboxSnapshot; onRetry: () => void }) {
  const t = useTranslations("field");
  const online = useOnline();
  const waiting = snapshot.entries.filter((e) => e.state === "waiting" || e.state === "sending").length;
  return (
    <div className="space-y-2" aria-live="polite">
      {!online && <p className="rounded bg-slate-800 p-3 text-white">{t("offline")}</p>}
      {snapshot.needsSignIn && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900 ring-1 ring-red-300">
          {t("signInAgain")}{" "}
          <a className="font-semibold underline" href="/sign-in?next=%2Freport">
            {t("signInLink")}
          </a>
        </p>
      )}
      {waiting > 0 && (
        <p className="flex flex-wrap items-center gap-3 rounded bg-amber-50 p-3 ring-1 ring-amber-300" data-waiting>
          <span>{t("waitingCount", { count: waiting })}</span>
          {online && (
            <button type="button" className="h-11 rounded bg-sky-800 px-4 font-semibold text-white" onClick={onRetry}>
              {t("sendNow")}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
