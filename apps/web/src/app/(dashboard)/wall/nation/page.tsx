import { ScopeWall } from "../_components/scope-wall";
import { requireWall } from "../wall-access";

export default async function NationWallPage() {
  await requireWall("/wall/nation", { kind: "nation" });
  return <ScopeWall provinceCode={null} />;
}
