/**
 * A morning meeting, as `npm run bench:pdf` plays it: eight people exporting at once — seven
 * province reports and the nation's with its communes annex — each asking again as soon as it
 * has its file, while reports arrive at 20 a second. Prints the PDFs' waits, the report answers'
 * p99 beside the same reports without exports, and the server's CPU and memory.
 */
import { percentile, postReports } from "./live-support";
import { processUsage } from "../src/testing/process-usage";

const EXPORTS = [
  ...["01", "04", "08", "11", "12", "14", "15"].map((code) => `scope=province:${code}`),
  "scope=nation&annex=communes",
];
const REPORTS_PER_SECOND = 20;
const COMMUNES = ["00082", "02026"];

/** The people, as many accounts' worth of PDF exports a minute as there are of them (they share a token here). */
export const MEETING_EXPORTS_PER_MINUTE = String(20 * EXPORTS.length);

/**
 * One exporter: asks, waits for the file, asks again, until `until`; the wait of each PDF, and
 * how often it was told to wait (503 queue full, 429 too many) and waited as Retry-After said.
 */
async function exporter(url: string, token: string, query: string, until: number) {
  const waits: number[] = [];
  let toldToWait = 0;
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/export.pdf?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    if (response.status === 503 || response.status === 429) {
      toldToWait += 1;
      const retryAfterMs = Number(response.headers.get("retry-after") ?? 5) * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfterMs, until - performance.now())));
      continue;
    }
    if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
    waits.push(performance.now() - started);
  }
  return { waits, toldToWait };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function morningMeeting(url: string, token: string, pid: number, durationSeconds: number) {
  const quiet = await postReports([url], token, REPORTS_PER_SECOND, 10, COMMUNES);
  const before = processUsage(pid);
  const until = performance.now() + durationSeconds * 1000;
  const [reports, ...exports] = await Promise.all([
    postReports([url], token, REPORTS_PER_SECOND, durationSeconds, COMMUNES),
    ...EXPORTS.map((query) => exporter(url, token, query, until)),
  ]);
  const after = processUsage(pid);
  const waits = exports.flatMap((e) => e.waits).sort((a, b) => a - b);
  const answers = (ms: number[]) =>
    `${percentile(
      [...ms].sort((a, b) => a - b),
      99,
    ).toFixed(0)} ms`;
  return {
    pdfs: waits.length,
    toldToWait: exports.reduce((n, e) => n + e.toldToWait, 0),
    pdfP50: seconds(percentile(waits, 50)),
    pdfWorst: seconds(waits.at(-1) ?? NaN),
    reportAnswersP99: answers(reports.answerMs),
    reportAnswersP99Quiet: answers(quiet.answerMs),
    reportsAccepted: `${reports.accepted} of ${reports.asked}`,
    serverCpu: `${Math.round((100 * (after.cpuSeconds - before.cpuSeconds)) / durationSeconds)} %`,
    serverRssMb: Math.round(after.rssMb),
  };
}
