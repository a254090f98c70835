import type { Browser, BrowserContext } from "playwright-core";

/**
 * Every page a browser test opens reports its console errors and uncaught exceptions here, and
 * each test fails on any it did not expect (see e2e/support/setup.ts) (a hydration error, a failed render, a 500). A test
 * that provokes some on purpose (stopping the server under a wall) names them first.
 */
const seen: string[] = [];
let allowed: RegExp[] = [];

/** Errors matching `pattern` are expected in the running test. */
export function allowConsoleErrors(...patterns: RegExp[]): void {
  allowed.push(...patterns);
}

function watch(context: BrowserContext): void {
  context.on("console", (message) => {
    if (message.type() === "error") seen.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
  context.on("weberror", (error) => seen.push(`uncaught: ${error.error().message}`));
}

/** Makes every context of `browser` watched (the ones it has, and the ones it will make). */
export function watchConsoles(browser: Browser): Browser {
  for (const context of browser.contexts()) watch(context);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    watch(context);
    return context;
  };
  return browser;
}

/** The errors seen since the last call that no allowed pattern matches (the allowances end too). */
export function takeUnexpectedConsoleErrors(): string[] {
  const unexpected = seen.splice(0).filter((line) => !allowed.some((pattern) => pattern.test(line)));
  allowed = [];
  return unexpected;
}
