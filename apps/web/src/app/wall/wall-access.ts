import type { AppRouter } from "@pulse/api";
import type { Scope } from "@pulse/schema";
import { TRPCClientError } from "@trpc/client";
import { notFound, redirect } from "next/navigation";
import { requireViewer, serverApi, type SignedInViewer } from "../../server/api";

/** The wall of a scope. */
export function wallPath(scope: Scope): string {
  return scope.kind === "nation" ? "/wall/nation" : `/wall/${scope.kind}/${scope.code}`;
}

/**
 * A wall page's gate: a paired screen or a signed-in person (others to pairing or sign-in), and
 * a unit within their scope — asking the API for it, which decides; outside it, the viewer's own
 * wall; an unknown code, 404.
 */
export async function requireWall(
  path: string,
  probe: (api: Awaited<ReturnType<typeof serverApi>>) => Promise<unknown>,
): Promise<SignedInViewer> {
  const viewer = await requireViewer(path);
  try {
    await probe(await serverApi());
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const { code } = (error as TRPCClientError<AppRouter>).data ?? {};
    if (code === "FORBIDDEN") redirect(`${wallPath(viewer.scope)}?outside=1`);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
  return viewer;
}
