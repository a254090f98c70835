import { RateLimitedError } from "@pulse/api";
import { testEnv } from "@pulse/db/testing";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { connectRedis, type RedisClient } from "../redis";
import { freePort } from "../testing/child-process";
import { outageProxy } from "../testing/outage-proxy";
import { createRateLimits, DEFAULT_RATE_LIMITS } from "./rate-limits";

const quiet = pino({ level: "silent" });
const purpose = { whileDown: "test", whenBack: "test" };

/** How many sign-in tries for one account the limits let through, out of `tries`. */
async function allowed(consume: () => Promise<void>, tries: number): Promise<number> {
  let passed = 0;
  for (let i = 0; i < tries; i++) {
    try {
      await consume();
      passed += 1;
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
    }
  }
  return passed;
}

describe("rate limits shared by several server processes through Redis", () => {
  const clients: RedisClient[] = [];
  const prefix = `pulse_rl_${Date.now().toString(36)}`;
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  });
  const serverProcess = async (url = testEnv.PULSE_TEST_REDIS_URL) => {
    const client = await connectRedis(url, quiet, purpose);
    clients.push(client);
    return createRateLimits(DEFAULT_RATE_LIMITS, { client, prefix });
  };

  it("allows 5 sign-in tries for an account in all, not 5 per process", async () => {
    const [a, b, c] = [await serverProcess(), await serverProcess(), await serverProcess()];
    const key = ["email:lan@pulse.test"];
    const viaA = await allowed(() => a.consume("signIn", key), 3);
    const viaB = await allowed(() => b.consume("signIn", key), 3);
    const viaC = await allowed(() => c.consume("signIn", key), 3);
    expect(viaA + viaB + viaC).toBe(DEFAULT_RATE_LIMITS.signInPerAccount);
    // A successful sign-in in one process clears the account's failures for all of them.
    await b.reset("signIn", key[0] ?? "");
    expect(await allowed(() => c.consume("signIn", key), 1)).toBe(1);
  });

  it("keeps limiting in each process's memory while Redis is unreachable, and errs on nothing else", async () => {
    const port = await freePort();
    const proxy = outageProxy(new URL(testEnv.PULSE_TEST_REDIS_URL), port);
    await proxy.up();
    try {
      const limits = await serverProcess(`redis://127.0.0.1:${port}`);
      await proxy.down();
      const passed = await allowed(() => limits.consume("signIn", ["email:minh@pulse.test"]), 8);
      expect(passed).toBe(DEFAULT_RATE_LIMITS.signInPerAccount);
    } finally {
      await proxy.down();
    }
  });
});
