// The worker threads' entry: the render code is TypeScript (TSX), compiled on load by tsx
// with the server's tsconfig whatever the process's own loader (node, tsx, vitest).
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const tsconfig = fileURLToPath(new URL("../../tsconfig.json", import.meta.url));
const task = await tsImport("./render-report.tsx", { parentURL: import.meta.url, tsconfig });
export default task.default;
