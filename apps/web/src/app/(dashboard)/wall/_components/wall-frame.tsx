"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore, type ReactNode } from "react";
import { useLiveStatus } from "../../../../live/live-provider";
import { useWallFormat } from "./wall-format";

const everySecond = (tick: () => void) => {
  const timer = setInterval(tick, 1_000);
  return () => clearInterval(timer);
};
const currentSecond = () => Math.floor(Date.now() / 1_000);

/** The time now, ticking each second; one timer, cleared on unmount. Empty on the server. */
export function Clock() {
  const { time } = useWallFormat();
  const second = useSyncExternalStore(everySecond, currentSecond, () => null);
  return <span className="tabular-nums">{second === null ? "" : time(new Date(second * 1_000))}</span>;
}

const DOT = {
  connecting: "bg-slate-400",
  live: "bg-emerald-400",
  reconnecting: "bg-amber-300",
  stale: "bg-red-500",
} as const;

/**
 * A wall's frame: the whole screen, dark, sized from the viewport (1 em is 1 % of the width, or
 * 1.78 % of the height on narrower screens, so 1920×1080 and 3840×2160 look the same), never
 * scrolling. Says whether it is live and since when; after 10 s without a heartbeat a full-width
 * banner says the figures are as of the last update, and they dim.
 */
export function WallFrame({
  title,
  subtitle,
  isDemo,
  children,
  footer,
}: {
  title: string;
  subtitle?: string | undefined;
  isDemo: boolean;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const t = useTranslations("wall");
  const tApp = useTranslations("app");
  const { time } = useWallFormat();
  const { status, lastSeenAt } = useLiveStatus();
  const stale = status === "stale";
  const seen = lastSeenAt ? time(lastSeenAt) : null;
  return (
    <div
      className="grid h-screen w-screen grid-rows-[auto_auto_1fr_auto] overflow-hidden bg-[#0b1220] text-slate-100"
      style={{ fontSize: "min(1vw, 1.78vh)" }}
      data-wall
    >
      <header className="flex items-center gap-[1.5em] border-b border-slate-700 px-[2em] py-[0.8em]">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-[2.4em] leading-tight font-bold">{title}</h1>
          {subtitle && <p className="truncate text-[1.2em] text-slate-300">{subtitle}</p>}
        </div>
        {isDemo && (
          <span className="rounded border border-slate-600 px-[0.6em] py-[0.2em] text-[0.9em] text-slate-400">
            {tApp("demoData")}
          </span>
        )}
        <span role="status" data-live-status={status} className="flex items-center gap-[0.5em] text-[1.1em]">
          <span className={`inline-block h-[0.7em] w-[0.7em] rounded-full ${DOT[status]}`} aria-hidden />
          {status === "live"
            ? t("live", { time: seen ?? "—" })
            : status === "stale"
              ? t("asOf", { time: seen ?? "—" })
              : t(status)}
        </span>
        <span className="text-[2em] font-semibold">
          <Clock />
        </span>
      </header>
      <div aria-live="assertive">
        {stale && (
          <p data-stale-banner className="bg-red-700 px-[2em] py-[0.5em] text-center text-[2em] font-bold text-white">
            {seen ? t("disconnected", { time: seen }) : t("disconnectedNever")}
          </p>
        )}
      </div>
      <main className={`min-h-0 overflow-hidden px-[2em] py-[1.2em] transition-opacity ${stale ? "opacity-40" : ""}`}>
        {children}
      </main>
      {footer && (
        <footer className={`border-t border-slate-700 px-[2em] py-[0.7em] ${stale ? "opacity-40" : ""}`}>
          {footer}
        </footer>
      )}
    </div>
  );
}
