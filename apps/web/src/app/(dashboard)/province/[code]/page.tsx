import { CommandPage } from "../../../_components/command/command-page";
import { ScopeCommand } from "../../../_components/command/scope-command";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ProvincePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Search;
}) {
  const [{ code }, { refused }] = await Promise.all([params, searchParams]);
  return (
    <CommandPage path={`/province/${code}`} view={{ kind: "province", code }} refused={refused === "outside"}>
      <ScopeCommand provinceCode={code} />
    </CommandPage>
  );
}
