import { provinceCode } from "@pulse/schema";
import { Overview } from "./_components/overview";

/** Provinces and, for the chosen one (?province=01), its communes: live. */
export default async function Home({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const chosen = provinceCode.safeParse((await searchParams).province);
  return <Overview provinceCode={chosen.success ? chosen.data : null} />;
}
