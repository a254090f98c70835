import { ScopeWall } from "../../_components/scope-wall";
import { requireWall } from "../../wall-access";

export default async function ProvinceWallPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireWall(`/wall/province/${code}`, { kind: "province", code });
  return <ScopeWall provinceCode={code} />;
}
