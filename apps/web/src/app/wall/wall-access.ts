import type { AppRouter } from "@pulse/api";
import type { Scope } from "@pulse/schema";
import { TRPCClientError } from "@trpc/client";
import { notFound, redirect } from "next/navigation";
import { requireViewer, serverApi, type SignedInViewer } from "../../server/api";
import type { PlaylistView } from "./playlist-views";

type Api = Awaited<ReturnType<typeof serverApi>>;

/** The wall of a scope. */
export function wallPath(scope: Scope): string {
  return scope.kind === "nation" ? "/wall/nation" : `/wall/${scope.kind}/${scope.code}`;
}

/** Asks the API for a view's data as this viewer: why it refuses, or null when it answers. */
async function refusalOf(api: Api, view: PlaylistView): Promise<"outside" | "unknown" | null> {
  try {
    if (view.kind === "nation") await api.progress.nation.query();
    else if (view.kind === "province") await api.progress.province.query({ code: view.code });
    else await api.progress.commune.query({ code: view.code });
    return null;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const { code } = (error as TRPCClientError<AppRouter>).data ?? {};
    if (code === "FORBIDDEN") return "outside";
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return "unknown";
    throw error;
  }
}

/**
 * A wall page's gate: a paired screen or a signed-in person (others to pairing or sign-in), and
 * a unit within their scope — the API decides; outside it, the viewer's own wall; unknown, 404.
 */
export async function requireWall(path: string, view: PlaylistView): Promise<SignedInViewer> {
  const viewer = await requireViewer(path);
  const refusal = await refusalOf(await serverApi(), view);
  if (refusal === "outside") redirect(wallPath(viewer.scope));
  if (refusal === "unknown") notFound();
  return viewer;
}

/** The views of a playlist this viewer may not show, each with why. */
export async function refusedViews(
  views: PlaylistView[],
): Promise<{ view: PlaylistView; refusal: "outside" | "unknown" }[]> {
  const api = await serverApi();
  const refusals = await Promise.all(views.map((view) => refusalOf(api, view)));
  return views.flatMap((view, i) => {
    const refusal = refusals[i];
    return refusal ? [{ view, refusal }] : [];
  });
}
