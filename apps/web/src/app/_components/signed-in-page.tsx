import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireViewer, type SignedInViewer } from "../../server/api";
import { AccountBar } from "./account-bar";

/**
 * A back-office page: signed in (or sent to sign-in and back to `path`), with the way back and
 * the account bar; those the role does not allow see why instead of the page.
 */
export async function SignedInPage({
  path,
  title,
  may,
  refused,
  children,
  notifications,
}: {
  path: string;
  title: string;
  may: (viewer: SignedInViewer) => boolean;
  refused: string;
  children: (viewer: SignedInViewer) => ReactNode;
  /** the alerts button (`<LiveNotificationsBell />`; the field page, over a weak link, goes without) */
  notifications?: ReactNode;
}) {
  const viewer = await requireViewer(path);
  const t = await getTranslations("import");
  return (
    <main className="mx-auto max-w-6xl px-6 py-6">
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <a className="text-sm text-sky-800 underline" href="/">
          {t("back")}
        </a>
        <AccountBar viewer={viewer} notifications={notifications} />
      </div>
      <h1 className="mt-3 mb-2 text-2xl font-bold">{title}</h1>
      {may(viewer) ? (
        children(viewer)
      ) : (
        <p role="alert" className="text-red-700">
          {refused}
        </p>
      )}
    </main>
  );
}
