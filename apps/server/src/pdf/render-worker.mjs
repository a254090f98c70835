// The worker threads' entry: the render code is TypeScript (TSX), compiled on load by tsx
// with the server's tsconfig whatever the process's own loader (node, tsx, vitest).
import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

// A render yields to the main thread (reports, live pushes, sign-ins): on Linux a thread has its
// own nice value, and this one sets its own (/proc/thread-self names it). Elsewhere it runs as is.
try {
  const threadId = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
  setPriority(threadId, constants.priority.PRIORITY_LOW);
} catch {
  // no /proc (macOS, Windows): same priority as the rest
}

const tsconfig = fileURLToPath(new URL("../../tsconfig.json", import.meta.url));
const task = await tsImport("./render-report.tsx", { parentURL: import.meta.url, tsconfig });
export default task.default;
