import { renderToBuffer } from "@react-pdf/renderer";
import { Piscina } from "piscina";
import { registerFonts } from "./document/fonts";
import { ReportDocument } from "./document/report-document";
import type { ReportInput } from "./report-input";
import { buildReportLayout } from "./report-layout";

registerFonts();

/** Lays out and renders one report; runs in a worker thread, off the live hub's event loop. */
export async function renderReport(input: ReportInput): Promise<Uint8Array> {
  const buffer = await renderToBuffer(<ReportDocument layout={buildReportLayout(input)} />);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The worker's task: the PDF's bytes are moved back to the main thread, not copied. */
export default async function renderTask(input: ReportInput) {
  return Piscina.move(await renderReport(input));
}
