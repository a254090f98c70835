import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { env } from "./src/env";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  // Internal packages are TypeScript source.
  transpilePackages: ["@pulse/schema", "@pulse/indicators"],
  poweredByHeader: false,
  async rewrites() {
    return [{ source: "/trpc/:path*", destination: `${env.PULSE_API_URL}/trpc/:path*` }];
  },
};

export default withNextIntl(config);
