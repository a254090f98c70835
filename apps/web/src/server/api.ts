import type { AppRouter, Viewer } from "@pulse/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import superjson from "superjson";
import { env } from "../env";

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

export async function getViewer(): Promise<Viewer> {
  return (await serverApi()).auth.me.query();
}

export type SignedInViewer = Extract<Viewer, { kind: "user" | "kiosk" }>;

/**
 * The signed-in user or paired screen, or a redirect: a person to sign-in (and back to `path`
 * after), a screen to the pairing page (saying why its token stopped working). Screens never
 * see a login form.
 */
export async function requireViewer(path: string): Promise<SignedInViewer> {
  const viewer = await getViewer();
  if (viewer.kind === "user" || viewer.kind === "kiosk") return viewer;
  if (viewer.kind === "pairing") redirect("/pair");
  if (viewer.kind === "anonymous" && viewer.refused) redirect(`/pair?refused=${viewer.refused}`);
  redirect(`/sign-in?next=${encodeURIComponent(path)}`);
}
