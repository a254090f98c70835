import type { Scope } from "@pulse/schema";
import { notFound, redirect } from "next/navigation";
import { requireViewer, type SignedInViewer } from "../../../server/api";
import { refusalOf, scopePath, type UnitView } from "../../../server/unit-access";

/** The wall of a scope. */
export function wallPath(scope: Scope): string {
  return scopePath(scope, "/wall");
}

/**
 * A wall page's gate: a paired screen or a signed-in person (others to pairing or sign-in), and
 * a unit within their scope — the API decides; outside it, the viewer's own wall; unknown, 404.
 */
export async function requireWall(path: string, view: UnitView): Promise<SignedInViewer> {
  const viewer = await requireViewer(path);
  const refusal = await refusalOf(view);
  if (refusal === "outside") redirect(wallPath(viewer.scope));
  if (refusal === "unknown") notFound();
  return viewer;
}

/** The views of a playlist this viewer may not show, each with why. */
export async function refusedViews(views: UnitView[]): Promise<{ view: UnitView; refusal: "outside" | "unknown" }[]> {
  const refusals = await Promise.all(views.map(refusalOf));
  return views.flatMap((view, i) => {
    const refusal = refusals[i];
    return refusal ? [{ view, refusal }] : [];
  });
}
