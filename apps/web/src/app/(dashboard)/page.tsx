import { redirect } from "next/navigation";
import { requireViewer } from "../../server/api";
import { scopePath } from "../../server/unit-access";

/** Everyone lands on their own scope: a person on its command page (a reporter on the reporting page), a paired screen on its wall. */
export default async function Home() {
  const viewer = await requireViewer("/");
  // Those who produce the numbers start where they enter them.
  if (viewer.kind === "user" && viewer.role === "reporter") redirect("/report");
  redirect(scopePath(viewer.scope, viewer.kind === "kiosk" ? "/wall" : ""));
}
