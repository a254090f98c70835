import { CommandPage } from "../../../_components/command/command-page";
import { CommuneCommand } from "../../../_components/command/commune-command";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CommunePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Search;
}) {
  const [{ code }, { refused }] = await Promise.all([params, searchParams]);
  return (
    <CommandPage path={`/commune/${code}`} view={{ kind: "commune", code }} refused={refused === "outside"}>
      <CommuneCommand code={code} />
    </CommandPage>
  );
}
