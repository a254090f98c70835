"use client";

import { textIn } from "@pulse/messages/names";
import { useLocale } from "next-intl";
import { useState, type MouseEvent } from "react";

export type PdfDownloadState =
  | { state: "idle" }
  | { state: "making" }
  /** the server answered 503 (its render queue is full) or 429 (asked too often): retried by itself */
  | { state: "busy"; seconds: number }
  | { state: "failed"; message: string };

const FILENAME = /filename="([^"]+)"/;

/** Saves a blob under the name the server gave it, as a plain link would have. */
function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A PDF export that says what it is doing: fetched (not followed as a link) so that a busy
 * server's 503 or 429 is waited out as its Retry-After says, with the seconds shown, instead of
 * saving an error as the file. The link's own href stays for a browser without scripts.
 */
export function usePdfDownload() {
  const locale = useLocale();
  const [download, setDownload] = useState<PdfDownloadState>({ state: "idle" });

  async function fetchPdf(href: string) {
    setDownload({ state: "making" });
    for (;;) {
      const response = await fetch(href);
      if (response.ok) {
        const filename = FILENAME.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "commune-pulse.pdf";
        save(await response.blob(), filename);
        return setDownload({ state: "idle" });
      }
      if (response.status === 503 || response.status === 429) {
        const seconds = Math.max(1, Number(response.headers.get("retry-after") ?? 5));
        setDownload({ state: "busy", seconds });
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        setDownload({ state: "making" });
        continue;
      }
      const body = (await response.json().catch(() => ({}))) as { error?: { vi: string; en: string } };
      return setDownload({
        state: "failed",
        message: body.error ? textIn(body.error, locale) : String(response.status),
      });
    }
  }

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (download.state === "making" || download.state === "busy") return;
    fetchPdf(event.currentTarget.href).catch((error: unknown) =>
      setDownload({ state: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
  };
  return { download, onClick };
}
