import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs a poppler tool (pdftotext, pdffonts, pdfinfo) on PDF bytes; its standard output. */
async function poppler(tool: string, args: string[], pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "pulse-pdf-"));
  try {
    const file = join(dir, "report.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each page's text as `pdftotext -layout` lays it out: one table row per line. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const text = await poppler("pdftotext", ["-layout", "-enc", "UTF-8"], pdf);
  return text.split("\f").slice(0, -1);
}

export const pdfFonts = (pdf: Uint8Array) => poppler("pdffonts", [], pdf);
/** The size of every page, as `pdfinfo` prints it ("595.28 x 841.89 pts (A4)"). */
export async function pdfPageSizes(pdf: Uint8Array): Promise<string[]> {
  const info = await poppler("pdfinfo", ["-f", "1", "-l", "100000"], pdf);
  return [...info.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map(([, size]) => size ?? "");
}

export interface WordBox {
  text: string;
  yMin: number;
  yMax: number;
}

/** Every word of every page with its vertical position in points from the top (`pdftotext -bbox`). */
export async function pdfWordBoxes(pdf: Uint8Array): Promise<WordBox[][]> {
  const html = await poppler("pdftotext", ["-bbox", "-enc", "UTF-8"], pdf);
  return html
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        ([, yMin, yMax, text]) => ({ text: text ?? "", yMin: Number(yMin), yMax: Number(yMax) }),
      ),
    );
}
