import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  // Internal packages are TypeScript source.
  transpilePackages: ["@pulse/schema", "@pulse/indicators", "@pulse/messages"],
  poweredByHeader: false,
};

export default withNextIntl(config);
