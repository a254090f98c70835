import { CommuneWall } from "../../_components/commune-wall";
import { requireWall } from "../../wall-access";

export default async function CommuneWallPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireWall(`/wall/commune/${code}`, { kind: "commune", code });
  return <CommuneWall code={code} />;
}
