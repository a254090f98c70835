import { provinceCode } from "@pulse/schema";
import { requireViewer } from "../server/api";
import { AccountBar } from "./_components/account-bar";
import { Overview } from "./_components/overview";

/** The signed-in user's (or screen's) scope, live: the nation, one province, or one commune. */
export default async function Home({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("/");
  const chosen = provinceCode.safeParse((await searchParams).province);
  return (
    <Overview
      scope={viewer.scope}
      provinceCode={chosen.success ? chosen.data : null}
      account={<AccountBar viewer={viewer} />}
    />
  );
}
