import type { AppRouter, Viewer } from "@pulse/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import superjson from "superjson";
import { env } from "../env";
import { apiUnreachable } from "./api-unreachable";

/** The API as this request's user: their cookies go along, so the server decides what they see. */
export async function serverApi() {
  const incoming = await headers();
  const forwarded: Record<string, string> = {};
  for (const name of ["cookie", "x-forwarded-for", "user-agent"]) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${env.PULSE_API_URL}/trpc`, transformer: superjson, headers: () => forwarded })],
  });
}

let lastUnreachableLog = 0;

/**
 * Who is looking. While the API server is not up yet (the first start seeds for ~20 s) the
 * person gets a page that waits and retries by itself, and the log one line, not a stack.
 */
export async function getViewer(path: string): Promise<Viewer> {
  try {
    return await (await serverApi()).auth.me.query();
  } catch (error) {
    if (!apiUnreachable(error)) throw error;
    if (Date.now() - lastUnreachableLog > 10_000) {
      lastUnreachableLog = Date.now();
      console.warn(`API server not reachable at ${env.PULSE_API_URL}: showing the starting page`);
    }
    redirect(`/starting?next=${encodeURIComponent(path)}`);
  }
}

export type SignedInViewer = Extract<Viewer, { kind: "user" | "kiosk" }>;

/**
 * The signed-in user or paired screen, or a redirect: a person to sign-in (and back to `path`
 * after), a screen to the pairing page (saying why its token stopped working). Screens never
 * see a login form.
 */
export async function requireViewer(path: string): Promise<SignedInViewer> {
  const viewer = await getViewer(path);
  if (viewer.kind === "user" || viewer.kind === "kiosk") return viewer;
  if (viewer.kind === "pairing") redirect("/pair");
  if (viewer.kind === "anonymous" && viewer.refused) redirect(`/pair?refused=${viewer.refused}`);
  redirect(`/sign-in?next=${encodeURIComponent(path)}`);
}
