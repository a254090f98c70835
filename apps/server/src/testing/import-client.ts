import { createReadStream } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { createInterface } from "node:readline";
import type { ImportEvent } from "@pulse/schema";

/**
 * Uploads a CSV file (or a workbook, with its media type) to a server's `POST /api/v1/imports`
 * and yields its NDJSON events as they come. The server may die mid-stream (tests kill it): that
 * ends the iteration quietly.
 */
export async function* uploadCsv(
  port: number,
  path: string,
  token: string,
  contentType = "text/csv",
): AsyncGenerator<ImportEvent> {
  const req = request({
    host: "127.0.0.1",
    port,
    path: "/api/v1/imports",
    method: "POST",
    headers: { "content-type": contentType, accept: "application/x-ndjson", authorization: `Bearer ${token}` },
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once("response", resolve);
    req.once("error", reject);
  });
  createReadStream(path).pipe(req);
  const res = await response;
  req.on("error", () => undefined);
  res.on("error", () => undefined);
  const lines = createInterface({ input: res });
  lines.on("error", () => undefined);
  try {
    for await (const line of lines) yield JSON.parse(line) as ImportEvent;
  } finally {
    req.destroy();
  }
}
