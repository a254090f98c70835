import { redirect } from "next/navigation";
import { requireViewer } from "../../../server/api";
import { wallPath } from "./wall-access";

/** Where a screen goes once paired: the wall of its scope. */
export default async function WallHome() {
  redirect(wallPath((await requireViewer("/wall")).scope));
}
