import { afterEach, expect } from "vitest";
import { takeUnexpectedConsoleErrors } from "./console-errors";

// Every browser test fails on a console error or uncaught exception it did not announce.
afterEach(() => {
  expect(takeUnexpectedConsoleErrors(), "console errors in the browser").toEqual([]);
});
