import { NationWall } from "../_components/nation-wall";
import { requireWall } from "../wall-access";

export default async function NationWallPage() {
  await requireWall("/wall/nation", { kind: "nation" });
  return <NationWall />;
}
