import type { NextConfig } from "next";
import { withSerwist } from "@serwist/turbopack";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: {
    // The catalogs compiled at build time: the browser gets no ICU parser (≈ 10 KB gzipped, a
    // second and more over a village's weak link on the field page).
    messages: { path: "../../packages/messages/src", format: "json", locales: ["vi", "en"], precompile: true },
  },
});

const config: NextConfig = {
  // Internal packages are TypeScript source.
  transpilePackages: ["@pulse/schema", "@pulse/indicators", "@pulse/messages"],
  poweredByHeader: false,
};

export default withSerwist(withNextIntl(config));
