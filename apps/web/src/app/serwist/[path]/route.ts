import { createSerwistRoute } from "@serwist/turbopack";

/**
 * The field page's service worker, bundled at build time (`/serwist/sw.js`). Only the icons are
 * precached: the page's own scripts, styles and fonts are cached as the page loads them (see
 * sw.ts), so a phone downloads what the reporting page needs, not every page's bundle and map.
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "src/app/sw.ts",
  useNativeEsbuild: true,
  globPatterns: ["public/icons/*.png"],
});
