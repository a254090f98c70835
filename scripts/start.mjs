#!/usr/bin/env node
// `npm start`: runs the built server (API, live hub, demo feed, embedded database) and web
// app side by side, prefixes their output, and says where the dashboard is once both answer.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const WEB_URL = "http://localhost:3000";
const API_HEALTH = "http://127.0.0.1:3001/healthz";
// Screens reload when the version the live hub reports changes: a new web build, not a restart.
const APP_VERSION = readFileSync(new URL("../apps/web/.next/BUILD_ID", import.meta.url), "utf8").trim();
const env = { ...process.env, APP_VERSION, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };

const children = ["server", "web"].map((name) => {
  // Each in its own process group, so stopping reaches npm's grandchildren (next-server) too.
  const child = spawn("npm", ["--silent", "-w", `@pulse/${name}`, "run", "start"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream.on("data", (chunk) => {
      const lines = (buffered + chunk.toString()).split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) console.log(`[${name}] ${line}`);
    });
  }
  child.on("exit", (code, signal) => {
    console.log(`[${name}] exited (${signal ?? code})`);
    stop(code ?? 1);
  });
  return child;
});

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

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
