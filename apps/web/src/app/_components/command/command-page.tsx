import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requireViewer } from "../../../server/api";
import { refusalOf, scopePath, type UnitView } from "../../../server/unit-access";
import { AccountBar } from "../account-bar";
import { LanguageLink } from "./language-link";

/**
 * A command page: signed in (a person; a paired screen goes to its wall), and a unit within the
 * viewer's scope — outside it, the viewer's own page with a clear message; unknown code, 404.
 */
export async function CommandPage({
  path,
  view,
  refused,
  children,
}: {
  path: string;
  view: UnitView;
  refused: boolean;
  children: ReactNode;
}) {
  const viewer = await requireViewer(path);
  if (viewer.kind === "kiosk") redirect(scopePath(viewer.scope, "/wall"));
  const refusal = await refusalOf(view);
  if (refusal === "outside") redirect(`${scopePath(viewer.scope, "")}?refused=outside`);
  if (refusal === "unknown") notFound();
  const t = await getTranslations();
  return (
    <main className="mx-auto max-w-[100rem] space-y-4 px-6 py-5">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 pb-3">
        <p className="mr-auto font-semibold text-slate-700">{t("app.heading")}</p>
        <AccountBar viewer={viewer} />
        <LanguageLink />
      </header>
      {refused && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {t("command.refusedOutside")}
        </p>
      )}
      {children}
    </main>
  );
}
