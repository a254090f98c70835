"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";

/** How long a page of a ranked list stays on screen. */
export const PAGE_SECONDS = 10;

/**
 * A ranked list longer than a screen, shown a page at a time and turning by itself (a wall is
 * never scrolled). Live updates keep the page being shown; one timer, cleared on unmount.
 */
export function RankedPages<T>({
  items,
  perPage,
  children,
}: {
  items: T[];
  perPage: number;
  children: (page: T[], offset: number) => ReactNode;
}) {
  const t = useTranslations("wall");
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_SECONDS * 1_000);
    return () => clearInterval(timer);
  }, [pages]);
  const shown = Math.min(page, pages - 1);
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="min-h-0 flex-1">
        {children(items.slice(shown * perPage, (shown + 1) * perPage), shown * perPage)}
      </div>
      {pages > 1 && (
        <p className="text-right text-[1.1em] text-slate-400" data-page={shown + 1}>
          {t("page", { page: shown + 1, pages })}
        </p>
      )}
    </div>
  );
}
