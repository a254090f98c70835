import { describe, expect, it } from "vitest";
import { createSharedRenders } from "./shared-renders";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("shared PDF renders", () => {
  it("renders identical requests in flight once, and gives each the same bytes", async () => {
    const renders = createSharedRenders<Uint8Array>({ reuseMs: 60_000 });
    let made = 0;
    const render = async () => {
      made += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return bytes(`pdf ${made}`);
    };
    const results = await Promise.all([1, 2, 3].map(() => renders.get("nation|vi", render)));
    expect(made).toBe(1);
    expect(results.map((r) => [new TextDecoder().decode(r.rendered), r.shared])).toEqual([
      ["pdf 1", false],
      ["pdf 1", true],
      ["pdf 1", true],
    ]);
    // another language, scope or annex is another report
    await renders.get("nation|en", render);
    expect(made).toBe(2);
  });

  it("reuses a finished PDF for the reuse time only", async () => {
    let clock = 0;
    const renders = createSharedRenders<Uint8Array>({ reuseMs: 60_000, now: () => clock });
    let made = 0;
    const render = async () => bytes(`pdf ${++made}`);
    await renders.get("k", render);
    clock = 59_999;
    expect((await renders.get("k", render)).shared).toBe(true);
    clock = 60_000;
    expect(await renders.get("k", render)).toEqual({ rendered: bytes("pdf 2"), shared: false });
  });

  it("forgets a failed render, so the next request renders again", async () => {
    const renders = createSharedRenders<Uint8Array>({ reuseMs: 60_000 });
    await expect(renders.get("k", () => Promise.reject(new Error("queue full")))).rejects.toThrow("queue full");
    expect(await renders.get("k", async () => bytes("ok"))).toEqual({ rendered: bytes("ok"), shared: false });
  });

  it("keeps at most maxEntries reports, dropping the oldest", async () => {
    const renders = createSharedRenders<Uint8Array>({ reuseMs: 60_000, maxEntries: 2 });
    let made = 0;
    const render = async () => bytes(`pdf ${++made}`);
    for (const key of ["a", "b", "c"]) await renders.get(key, render);
    expect((await renders.get("c", render)).shared).toBe(true);
    expect((await renders.get("a", render)).shared).toBe(false);
  });
});
