"use client";

import { textIn } from "@pulse/messages/names";
import { EXPORT_QUEUE_PATH } from "@pulse/schema";
import { useLocale } from "next-intl";
import { useState, type MouseEvent } from "react";

export type PdfDownloadState =
  | { state: "idle" }
  /** asked; where it stands as the server last said: figures being read, waiting behind `place` others, rendering */
  | { state: "making"; place?: { state: "preparing" } | { state: "waiting"; place: number } | { state: "rendering" } }
  /** the server answered 503 (its render queue is full) or 429 (asked too often): retried by itself */
  | { state: "busy"; seconds: number }
  | { state: "failed"; message: string };

type PdfPlace = NonNullable<Extract<PdfDownloadState, { state: "making" }>["place"]>;

const FILENAME = /filename="([^"]+)"/;
/** How often a waiting page asks where its export stands. */
const PLACE_POLL_MS = 1_000;

/** A random UUID v4 (crypto.randomUUID needs a secure context; a ward's intranet may serve plain http). */
function randomTicket(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

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

  /** While the export is under way, asks every second where it stands (its ticket: this request's own random id). */
  function followPlace(ticket: string) {
    const timer = setInterval(() => {
      fetch(`${EXPORT_QUEUE_PATH}?ticket=${ticket}`, { headers: { accept: "application/json" } })
        .then(async (response) => (response.ok ? ((await response.json()) as PdfPlace | { state: "unknown" }) : null))
        .then((place) => {
          if (place && place.state !== "unknown")
            setDownload((now) => (now.state === "making" ? { state: "making", place } : now));
        })
        .catch(() => undefined);
    }, PLACE_POLL_MS);
    return () => clearInterval(timer);
  }

  async function fetchPdf(href: string) {
    setDownload({ state: "making" });
    for (;;) {
      const ticket = randomTicket();
      const stopFollowing = followPlace(ticket);
      const response = await fetch(`${href}&ticket=${ticket}`).finally(stopFollowing);
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
