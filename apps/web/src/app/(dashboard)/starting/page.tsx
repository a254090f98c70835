import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { env } from "../../../env";
import { safeNext } from "../../../server/safe-next";

export const dynamic = "force-dynamic";

const apiAnswers = () =>
  fetch(`${env.PULSE_API_URL}/healthz`, { cache: "no-store", signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );

/**
 * Shown while the API server is not up yet (pages send people here): it reloads itself every
 * 2 s — no script needed — and goes on to the page asked for once the API answers.
 */
export default async function StartingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  if (await apiAnswers()) redirect(next);
  const t = await getTranslations("starting");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12" aria-live="polite">
      <meta httpEquiv="refresh" content="2" />
      <h1 className="mb-3 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("body")}</p>
      <p className="text-sm text-slate-500" role="status">
        <span className="mr-2 inline-block size-3 animate-pulse rounded-full bg-sky-600" aria-hidden />
        {t("retrying")}
      </p>
    </main>
  );
}
