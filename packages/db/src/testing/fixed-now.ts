/** The demo seed in tests is generated as of this instant, so every figure is reproducible. */
export const TEST_NOW = new Date("2026-11-20T03:00:00Z");
