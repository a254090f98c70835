/// <reference lib="webworker" />
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, StaleWhileRevalidate, type PrecacheEntry } from "serwist";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

/**
 * The reporting page offline: its HTML from the network when there is one (within 5 s), else
 * the last copy; hashed scripts, styles and fonts once fetched, from the cache. The outbox
 * (IndexedDB) does the sending: nothing here replays requests.
 */
const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // The page itself, opened or handed over by the page (CACHE_URLS); not its RSC requests.
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && url.pathname === "/report" && !url.searchParams.has("_rsc") && request.headers.get("rsc") !== "1",
      handler: new NetworkFirst({ cacheName: "field-page", networkTimeoutSeconds: 5 }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "field-assets",
        plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * 24 * 3600 })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && (url.pathname === "/manifest.webmanifest" || url.pathname === "/icon.svg"),
      handler: new StaleWhileRevalidate({ cacheName: "field-meta" }),
    },
  ],
});

serwist.addEventListeners();
