import { provinceCode } from "@pulse/schema";
import { redirect } from "next/navigation";
import { requireViewer } from "../server/api";
import { AccountBar } from "./_components/account-bar";
import { Overview } from "./_components/overview";
import { wallPath } from "./wall/wall-access";

/** The signed-in user's (or screen's) scope, live: the nation, one province, or one commune. */
export default async function Home({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("/");
  // A paired screen belongs on its wall.
  if (viewer.kind === "kiosk") redirect(wallPath(viewer.scope));
  const chosen = provinceCode.safeParse((await searchParams).province);
  return (
    <Overview
      scope={viewer.scope}
      provinceCode={chosen.success ? chosen.data : null}
      account={<AccountBar viewer={viewer} />}
    />
  );
}
