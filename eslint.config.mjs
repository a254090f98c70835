import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const internalOnly = (message) => ({ group: ["@pulse/*"], message });

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/drizzle/**",
      "**/next-env.d.ts",
      ".data/**",
      ".scratch/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Settings are read and validated once per app, in its env.ts.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings from the app's env.ts." },
      ],
    },
  },
  {
    // Functions small enough to read in one sitting; tests and benchmarks are lists of steps.
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["**/*.test.ts", "**/*.spec.ts", "apps/web/e2e/**", "apps/server/bench/**", "apps/web/bench/**"],
    rules: { "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Test harnesses pass their own environment on to the processes they start.
    files: ["**/env.ts", "scripts/**", "apps/web/e2e/**", "apps/server/src/testing/**", "apps/server/bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
  // Layering: schema, indicators and messages import nothing internal; packages never import apps.
  {
    files: ["packages/schema/**", "packages/indicators/**", "packages/messages/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [internalOnly("schema, indicators and messages stand alone.")] }],
    },
  },
  {
    files: ["packages/**"],
    ignores: ["packages/schema/**", "packages/indicators/**", "packages/messages/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["**/apps/**", "@pulse/web", "@pulse/server"], message: "Packages never import apps." }],
        },
      ],
    },
  },
  // The web app talks to the server over HTTP: it may import the API's types, never server code.
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@pulse/api", allowTypeImports: true, message: "Import only types from @pulse/api." }],
          patterns: [
            {
              group: ["@pulse/db", "@pulse/db/*", "@pulse/server", "drizzle-orm", "postgres", "@electric-sql/*"],
              message: "Only apps/server touches the database.",
            },
          ],
        },
      ],
    },
  },
);
