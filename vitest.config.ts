import { defineConfig } from "vitest/config";

/**
 * Three tiers, by file name: `*.test.ts` (pure, beside the code), `*.integration.test.ts`
 * (a real database: PGlite or Postgres, chosen by PULSE_TEST_DB), `apps/web/e2e/*.spec.ts`
 * (headless Chromium against the built apps).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{apps,packages}/*/src/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["{apps,packages}/*/src/**/*.integration.test.ts"],
          globalSetup: ["packages/db/src/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["apps/web/e2e/**/*.spec.ts"],
          setupFiles: ["apps/web/e2e/support/setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
