import type { NextConfig } from "next";
import { withSerwist } from "@serwist/turbopack";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  // Internal packages are TypeScript source.
  transpilePackages: ["@pulse/schema", "@pulse/indicators", "@pulse/messages"],
  poweredByHeader: false,
};

export default withSerwist(withNextIntl(config));
