"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";

/** How long a page of a ranked list stays on screen. */
export const PAGE_SECONDS = 10;

/** Height of the "Page x/y" line, in em of the list's font. */
const PAGE_LINE_EM = 1.8;

/**
 * A ranked list longer than a screen, shown a page at a time and turning by itself (a wall is
 * never scrolled). A page holds as many rows as the space measured for it fits (`rowEm` is a
 * row's height in em, `columns` rows side by side), so any screen shape is filled and nothing is
 * cut. Live updates keep the page being shown; one timer and one observer, released on unmount.
 */
export function RankedPages<T>({
  items,
  rowEm,
  columns,
  children,
}: {
  items: T[];
  rowEm: number;
  columns: number;
  children: (page: T[], offset: number) => ReactNode;
}) {
  const t = useTranslations("wall");
  const box = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const em = parseFloat(getComputedStyle(element).fontSize);
      setRows(Math.max(1, Math.floor((element.clientHeight - PAGE_LINE_EM * em) / (rowEm * em))));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [rowEm]);
  const perPage = Math.max(1, rows * columns);
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_SECONDS * 1_000);
    return () => clearInterval(timer);
  }, [pages]);
  const shown = Math.min(page, pages - 1);
  return (
    <div ref={box} className="flex h-full min-h-0 flex-col">
      <div className="min-h-0 flex-1">
        {rows > 0 && children(items.slice(shown * perPage, (shown + 1) * perPage), shown * perPage)}
      </div>
      <p className="h-[1.6em] text-right text-[1.1em] text-slate-400" data-page={shown + 1}>
        {pages > 1 ? t("page", { page: shown + 1, pages }) : ""}
      </p>
    </div>
  );
}
