import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** apps/server, where `src/index.ts` runs from. */
export const serverDir = fileURLToPath(new URL("../../", import.meta.url));

/** A child process and its recent output (stdout and stderr, the last 200 chunks). */
export type RunningProcess = ChildProcess & { recentOutput(): string };

/** A child process whose last output is printed if it fails, so a broken start explains itself. */
export function runProcess(
  name: string,
  cwd: string,
  command: string,
  args: string[],
  env: Record<string, string>,
): RunningProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("exit", (code) => {
    if (code && code !== 0 && code !== 143) console.error(`[${name}] exited ${code}\n${output.join("")}`);
  });
  return Object.assign(child, { recentOutput: () => output.join("") });
}

/** Waits until `url` answers 2xx, failing early if the process died. */
export async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode})`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs} ms`);
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
}

/** The API server as `npm start` runs it, on its own port and database (given as env). */
export async function startServerProcess(port: number, env: Record<string, string>): Promise<RunningProcess> {
  const server = runProcess("server", serverDir, "node", ["--import", "tsx", "src/index.ts"], {
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    // As `npm start` runs it: libraries relax checks under NODE_ENV=test, which vitest sets.
    NODE_ENV: "production",
    ...env,
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 120_000, server, "server");
  } catch (error) {
    server.kill("SIGKILL");
    throw error;
  }
  return server;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
