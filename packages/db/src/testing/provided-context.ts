// What the global setup hands every test file (vitest's provide/inject), typed once.
declare module "vitest" {
  export interface ProvidedContext {
    /** Postgres: the seeded template database; PGlite: a dump of a seeded data folder */
    seededTemplate: { kind: "postgres"; database: string; runId: string } | { kind: "pglite"; dumpFile: string };
  }
}

export {};
