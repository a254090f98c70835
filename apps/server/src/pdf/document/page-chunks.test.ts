import { describe, expect, it } from "vitest";
import { pageChunks } from "./page-chunks";

describe("pageChunks", () => {
  it("covers every row exactly once, in order", () => {
    const runs = pageChunks(3321, new Set([0, 120, 250]), { rowsPerPage: 58, firstPageRows: 50 });
    expect(runs[0]?.start).toBe(0);
    expect(runs.at(-1)?.end).toBe(3321);
    for (let i = 1; i < runs.length; i++) expect(runs[i]?.start).toBe(runs[i - 1]?.end);
  });

  it("counts group headings, and the repeated heading of a page that starts inside a group", () => {
    const sizes = (starts: number[], budget: { rowsPerPage: number; firstPageRows?: number }) =>
      pageChunks(10, new Set(starts), budget).map((r) => r.end - r.start);
    // every page opens with a heading (1.5 rows), so 3 rows of 4.5 fit
    expect(sizes([0], { rowsPerPage: 4.5 })).toEqual([3, 3, 3, 1]);
    // a new group inside a page costs its heading too
    expect(sizes([0, 2], { rowsPerPage: 4.5 })).toEqual([2, 3, 3, 2]);
    // without group headings to repeat, a page holds its full budget
    expect(pageChunks(10, new Set(), { rowsPerPage: 5, continuedHeadings: false }).map((r) => r.end - r.start)).toEqual(
      [5, 5],
    );
    // the first page is shorter (the annex title is on it)
    expect(sizes([0], { rowsPerPage: 4.5, firstPageRows: 2.5 })).toEqual([1, 3, 3, 3]);
  });

  it("never makes an empty page, even for a row taller than the budget", () => {
    expect(pageChunks(2, new Set([0, 1]), { rowsPerPage: 1 })).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
    ]);
    expect(pageChunks(0, new Set(), { rowsPerPage: 50 })).toEqual([]);
  });
});
