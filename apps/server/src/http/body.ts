import type { IncomingMessage } from "node:http";
import type { Writable } from "node:stream";
import { problem, type HttpProblem } from "./problem";

/** 1 GB, 1 MB, 64 KB: a limit as people read it. */
export const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${bytes / 1024 ** 3} GB`
    : bytes >= 1024 ** 2
      ? `${bytes / 1024 ** 2} MB`
      : `${bytes / 1024} KB`;

/** How much of a refused body is read and dropped so its 413 reaches the client; past it, the connection is cut. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

export const payloadTooLarge = (maxBytes: number) =>
  problem(413, "payloadTooLarge", { values: { size: sizeText(maxBytes) } });

/**
 * Reads and drops what is left of a refused body, so the connection can carry the answer (and
 * the next request). Cutting it at once would make the kernel reset it with the client's bytes
 * unread, and the client would see a network error (and retry) instead of the answer.
 */
export function discardRest(req: IncomingMessage): void {
  req.removeAllListeners("data");
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.resume();
}

/**
 * Feeds the request body to `write` (false: wait for `drain`), refusing it with 413 as soon as
 * it passes `maxBytes`, whether or not it declared its length. Resolves with the size.
 */
function receiveBody(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge: () => HttpProblem,
  write: (chunk: Buffer) => boolean,
  drain?: Writable,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      discardRest(req);
      reject(tooLarge());
    };
    if (Number(req.headers["content-length"] ?? 0) > maxBytes) return refuse();
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return refuse();
      if (!write(chunk) && drain) {
        req.pause();
        drain.once("drain", () => req.resume());
      }
    });
    req.on("end", () => size <= maxBytes && resolve(size));
    req.on("error", reject);
  });
}

/** The request body as text, refused with 413 past `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  await receiveBody(
    req,
    maxBytes,
    () => payloadTooLarge(maxBytes),
    (chunk) => chunks.push(chunk) > 0,
  );
  return Buffer.concat(chunks).toString("utf8");
}

/** Streams the request body into `file` (ended when the body is whole; destroyed when refused). */
export async function saveBody(
  req: IncomingMessage,
  file: Writable,
  maxBytes: number,
  tooLarge: () => HttpProblem,
): Promise<number> {
  const failed = new Promise<never>((_, reject) => file.once("error", reject));
  try {
    const size = await Promise.race([receiveBody(req, maxBytes, tooLarge, (chunk) => file.write(chunk), file), failed]);
    await new Promise<void>((resolve) => file.end(resolve));
    return size;
  } catch (error) {
    file.destroy();
    throw error;
  }
}
