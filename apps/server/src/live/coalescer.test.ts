import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Coalescer } from "./coalescer";

describe("per-room coalescing", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the first change at once, then at most one merged push per interval", () => {
    const pushes: [string, string[]][] = [];
    const coalescer = new Coalescer<string, string>(250, (room, codes) => pushes.push([room, codes]));
    coalescer.add("nation", "00082");
    expect(pushes).toEqual([["nation", ["00082"]]]);
    for (let i = 0; i < 100; i++) coalescer.add("nation", i % 2 ? "02026" : "00082");
    expect(pushes).toHaveLength(1);
    vi.advanceTimersByTime(250);
    expect(pushes).toEqual([
      ["nation", ["00082"]],
      ["nation", ["00082", "02026"]],
    ]);
    vi.advanceTimersByTime(10_000);
    expect(pushes).toHaveLength(2);
  });

  it("keeps rooms independent", () => {
    const pushes: string[] = [];
    const coalescer = new Coalescer<string, string>(250, (room) => pushes.push(room));
    coalescer.add("commune:00082", "00082");
    coalescer.add("province:01", "00082");
    expect(pushes).toEqual(["commune:00082", "province:01"]);
  });

  it("pushes what waits in the window at once when the process is about to stop, and nothing twice", () => {
    const pushes: [string, string[]][] = [];
    const coalescer = new Coalescer<string, string>(250, (room, codes) => pushes.push([room, codes]));
    coalescer.add("nation", "00082");
    coalescer.add("nation", "02026");
    coalescer.add("province:01", "00070");
    coalescer.add("province:01", "00082");
    coalescer.flushAll();
    expect(pushes).toEqual([
      ["nation", ["00082"]],
      ["province:01", ["00070"]],
      ["nation", ["02026"]],
      ["province:01", ["00082"]],
    ]);
    vi.advanceTimersByTime(10_000);
    expect(pushes).toHaveLength(4);
  });
});
