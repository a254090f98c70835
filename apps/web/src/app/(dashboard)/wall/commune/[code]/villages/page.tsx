import { VillagesWall } from "../../../_components/villages-wall";
import { requireWall } from "../../../wall-access";

export default async function VillagesWallPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireWall(`/wall/commune/${code}/villages`, { kind: "villages", code });
  return <VillagesWall code={code} />;
}
