import { CommandPage } from "../../_components/command/command-page";
import { ScopeCommand } from "../../_components/command/scope-command";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function NationPage({ searchParams }: { searchParams: Search }) {
  const { refused } = await searchParams;
  return (
    <CommandPage path="/nation" view={{ kind: "nation" }} refused={refused === "outside"}>
      <ScopeCommand provinceCode={null} />
    </CommandPage>
  );
}
