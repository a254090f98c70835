/**
 * Lean wall screens for `bench:live`, run as a child process so the benchmark measures the
 * server, not its client: raw Engine.IO/socket.io frames over `ws` (no socket.io-client), every
 * frame counted and weighed, but only one screen in twenty parses what it gets (to time reports
 * to screens). A closed screen reconnects as the web client does (1 s doubling to 5 s, ±50 %)
 * and joins its room again. Talks to the benchmark over IPC: see `ScreensCommand`/`ScreensReport`.
 */
import WebSocket from "ws";
import type { Room } from "@pulse/schema";

export type ScreensCommand =
  | { type: "connect"; urls: string[]; token: string; rooms: Room[]; firstId: number }
  | { type: "collect" }
  | { type: "close" };

export interface ScreensReport {
  type: "connected" | "collected";
  /** screens joined to their room right now */
  joined: number;
  /** progress frames received since the last collect, and their sizes (bytes → how many) */
  frames: number;
  bytes: number;
  sizes: [number, number][];
  /** what the parsing screens saw: screen id, communes covered, when (epoch ms) */
  seen: { screen: number; communeCodes: string[]; at: number }[];
  /** when each screen that reconnected since the last collect was back in its room (epoch ms) */
  rejoinedAt: number[];
  cpuSeconds: number;
}

const PARSE_ONE_IN = 20;
const PROGRESS = Buffer.from('42["progress:changed"');
const JOINED = Buffer.from("431[");
const now = () => performance.timeOrigin + performance.now();

let frames = 0;
let bytes = 0;
const sizes = new Map<number, number>();
let seen: ScreensReport["seen"] = [];
let rejoinedAt: number[] = [];
let closing = false;
const joined = new Set<number>();

function startsWith(data: Buffer, prefix: Buffer): boolean {
  return data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}

function screen(id: number, url: string, token: string, room: Room, onJoined: () => void): void {
  const parses = id % PARSE_ONE_IN === 0;
  let attempt = 0;
  let everJoined = false;
  const open = () => {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, {
      perMessageDeflate: false,
    });
    ws.on("message", (data: Buffer) => {
      if (startsWith(data, PROGRESS)) {
        frames += 1;
        bytes += data.length;
        sizes.set(data.length, (sizes.get(data.length) ?? 0) + 1);
        if (parses) {
          const [, event] = JSON.parse(data.toString("utf8", 2)) as [string, { communeCodes: string[] }];
          seen.push({ screen: id, communeCodes: event.communeCodes, at: now() });
        }
      } else if (data.length === 1 && data[0] === 0x32) ws.send("3");
      else if (data[0] === 0x30) ws.send(`40${JSON.stringify({ token })}`);
      else if (startsWith(data, Buffer.from("40{"))) ws.send(`421${JSON.stringify(["room:join", room])}`);
      else if (startsWith(data, JOINED)) {
        attempt = 0;
        joined.add(id);
        if (everJoined) rejoinedAt.push(now());
        else onJoined();
        everJoined = true;
      }
    });
    ws.on("error", () => undefined);
    ws.on("close", () => {
      joined.delete(id);
      if (closing) return;
      const delay = Math.min(5_000, 1_000 * 2 ** attempt) * (0.5 + Math.random());
      attempt += 1;
      setTimeout(open, delay);
    });
    sockets.add(ws);
    ws.once("close", () => sockets.delete(ws));
  };
  open();
}

const sockets = new Set<WebSocket>();

function report(type: ScreensReport["type"]): ScreensReport {
  const usage = process.cpuUsage();
  const out: ScreensReport = {
    type,
    joined: joined.size,
    frames,
    bytes,
    sizes: [...sizes],
    seen,
    rejoinedAt,
    cpuSeconds: (usage.user + usage.system) / 1e6,
  };
  frames = 0;
  bytes = 0;
  sizes.clear();
  seen = [];
  rejoinedAt = [];
  return out;
}

process.on("message", (command: ScreensCommand) => {
  if (command.type === "connect") {
    let pending = command.rooms.length;
    // 200 at a time, as a fleet does not all start in the same millisecond
    const batch = (from: number) => {
      const to = Math.min(command.rooms.length, from + 200);
      let left = to - from;
      for (let i = from; i < to; i++) {
        const id = command.firstId + i;
        screen(id, command.urls[id % command.urls.length] ?? "", command.token, command.rooms[i] ?? "nation", () => {
          pending -= 1;
          left -= 1;
          if (left === 0 && to < command.rooms.length) batch(to);
          if (pending === 0) process.send?.(report("connected"));
        });
      }
    };
    batch(0);
  } else if (command.type === "collect") process.send?.(report("collected"));
  else {
    closing = true;
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
