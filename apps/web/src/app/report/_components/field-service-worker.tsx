"use client";

import { useEffect } from "react";

const SCOPE = "/report";

/** What this visit loaded that the page needs offline: its address and its own scripts, styles and fonts. */
function loadedUrls(): string[] {
  const own = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => {
      const url = new URL(name);
      return url.origin === location.origin && url.pathname.startsWith("/_next/static/");
    });
  return [`${location.pathname}${location.search}`, ...own];
}

/**
 * Registers the field page's service worker (scope /report only: walls and command pages are
 * untouched) and, once it runs, hands it what this first visit loaded, so the next visit opens
 * without a network.
 */
export function FieldServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const handOver = async () => {
      // Loaded after the page is interactive: not part of what a weak link must bring first.
      const { Serwist } = await import("@serwist/window");
      const worker = new Serwist("/serwist/sw.js", { scope: SCOPE, type: "module" });
      await worker.register();
      // The worker that runs (installed and activated), not one still installing.
      const { active } = await navigator.serviceWorker.ready;
      active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: loadedUrls() } });
    };
    handOver().catch(() => undefined);
  }, []);
  return null;
}
