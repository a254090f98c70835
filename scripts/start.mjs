#!/usr/bin/env node
// `npm start`: runs the built server (API, live hub, demo feed, embedded database) and web
// app side by side, prefixes their output, says where the dashboard is once both answer, and
// starts again (with backoff) whichever of them dies.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const WEB_URL = "http://localhost:3000";
const API_HEALTH = "http://127.0.0.1:3001/healthz";
// Screens reload when the version the live hub reports changes: a new web build, not a restart.
const APP_VERSION = readFileSync(new URL("../apps/web/.next/BUILD_ID", import.meta.url), "utf8").trim();
// The children write into our pipe, never a terminal: we decide for them how a person reads it.
const onTerminal = Boolean(process.stdout.isTTY);
const env = {
  ...process.env,
  APP_VERSION,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  ...(onTerminal && !process.env.LOG_FORMAT ? { LOG_FORMAT: "pretty" } : {}),
  ...(onTerminal && !process.env.NO_COLOR && !process.env.FORCE_COLOR ? { FORCE_COLOR: "1" } : {}),
};
const dim = (text) => (onTerminal ? `\x1b[2m${text}\x1b[22m` : text);

/** Restart delays: 1 s, doubling to 30 s; a process that ran a minute starts over at 1 s. */
const BACKOFF_MS = { first: 1_000, max: 30_000, healthyAfter: 60_000 };

let stopping = false;
const processes = new Map();

function launch(name, delayMs = 0) {
  const child = spawn("npm", ["--silent", "-w", `@pulse/${name}`, "run", "start"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping reaches npm's grandchildren (next-server) too.
    detached: true,
  });
  const startedAt = Date.now();
  processes.set(name, child);
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream.on("data", (chunk) => {
      const lines = (buffered + chunk.toString()).split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) console.log(`${dim(`[${name}]`)} ${line}`);
    });
  }
  child.on("exit", (code, signal) => {
    if (stopping) return;
    const ranMs = Date.now() - startedAt;
    const next =
      ranMs > BACKOFF_MS.healthyAfter ? BACKOFF_MS.first : Math.min(BACKOFF_MS.max, delayMs * 2 || BACKOFF_MS.first);
    console.log(`[${name}] stopped unexpectedly (${signal ?? `exit ${code}`}); starting it again in ${next / 1000} s`);
    setTimeout(() => stopping || launch(name, next), next);
  });
}

function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of processes.values()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
  const running = () => [...processes.values()].filter((c) => c.exitCode === null && c.signalCode === null);
  const poll = setInterval(() => running().length === 0 && process.exit(0), 100);
  setTimeout(() => {
    clearInterval(poll);
    for (const child of running()) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }
    process.exit(0);
  }, 10_000).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

launch("server");
launch("web");

const answers = (url) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );
const started = Date.now();
const poll = setInterval(async () => {
  if (stopping) return clearInterval(poll);
  if ((await answers(API_HEALTH)) && (await answers(WEB_URL))) {
    clearInterval(poll);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`\n  Commune Pulse is running (${seconds} s): dashboard on ${WEB_URL}\n`);
  }
}, 1000);
