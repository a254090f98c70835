import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { testEnv } from "./testing/env";

/**
 * postgres-js 3.4.9 as patched in patches/postgres+3.4.9.patch (porsager/postgres#1208): when a
 * transaction's backend dies mid-query, begin() writes its ROLLBACK to a socket already gone.
 * Unpatched, that write throws from a setImmediate — an uncaught TypeError that ends the
 * process (vitest reports it as an unhandled error) — and the pool never closes.
 */
describe("the Postgres driver when a transaction's backend is terminated", () => {
  it("rejects the transaction with CONNECTION_CLOSED, answers the next query and closes", async () => {
    const pool = postgres(testEnv.PULSE_TEST_POSTGRES_URL, { max: 2, onnotice: () => undefined });
    const killer = postgres(testEnv.PULSE_TEST_POSTGRES_URL, { max: 1, onnotice: () => undefined });
    try {
      let pid: number | null = null;
      const transaction = pool.begin(async (tx) => {
        const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        pid = row?.pid ?? null;
        await tx`select pg_sleep(5)`;
      });
      while (pid === null) await new Promise((resolve) => setTimeout(resolve, 20));
      await killer`select pg_terminate_backend(${pid})`;
      await expect(transaction).rejects.toMatchObject({ code: "CONNECTION_CLOSED" });
      // Let the scheduled write run: unpatched, this is where the process dies.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await pool`select 1 as one`).toEqual([{ one: 1 }]);
    } finally {
      await killer.end();
    }
    // Unpatched, a connection kept the rolled-back query as in flight and end() waited forever.
    const closed = await Promise.race([
      pool.end().then(() => "closed"),
      new Promise((resolve) => setTimeout(() => resolve("still open after 3 s"), 3_000)),
    ]);
    expect(closed).toBe("closed");
  });
});
