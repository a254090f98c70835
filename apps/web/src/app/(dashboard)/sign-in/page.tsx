import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "../../../server/api";
import { safeNext } from "../../../server/safe-next";
import { SignInForm } from "./_components/sign-in-form";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  const viewer = await getViewer(`/sign-in?next=${encodeURIComponent(next)}`);
  if (viewer.kind === "user") redirect(next);
  const t = await getTranslations("signIn");
  const tApp = await getTranslations("app");
  return (
    <main className="mx-auto max-w-md px-6 py-12">
      <Link
        className="float-right text-sm text-sky-800 underline"
        prefetch={false}
        href={`?${new URLSearchParams({ next, lang: tApp("languageHref") })}`}
      >
        {tApp("language")}
      </Link>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-slate-700">{t("intro")}</p>
      <SignInForm next={next} />
      <Link className="mt-6 inline-block text-sm text-sky-800 underline" href="/pair">
        {t("pairScreen")}
      </Link>
    </main>
  );
}
