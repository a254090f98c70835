import { NationWall } from "../_components/nation-wall";
import { requireWall } from "../wall-access";

export default async function NationWallPage() {
  await requireWall("/wall/nation", (api) => api.progress.nation.query());
  return <NationWall />;
}
