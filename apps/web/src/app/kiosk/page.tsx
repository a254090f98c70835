import { KIOSK_MANAGER_ROLES } from "@pulse/schema";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireViewer } from "../../server/api";
import { AccountBar } from "../_components/account-bar";
import { KioskManager } from "./_components/kiosk-manager";

/** Province and commune users pair TVs, hand out tokens, see when screens last connected, revoke. */
export default async function KioskPage() {
  const viewer = await requireViewer("/kiosk");
  const t = await getTranslations();
  const allowed = viewer.kind === "user" && KIOSK_MANAGER_ROLES.includes(viewer.role);
  return (
    <main className="mx-auto max-w-6xl px-6 py-6">
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <Link className="text-sm text-sky-800 underline" href="/">
          {t("import.back")}
        </Link>
        <AccountBar viewer={viewer} />
      </div>
      <h1 className="mb-2 text-2xl font-bold">{t("kiosk.title")}</h1>
      {allowed ? (
        <>
          <p className="mb-6 max-w-3xl text-slate-700">{t("kiosk.intro")}</p>
          <KioskManager scope={viewer.scope} />
        </>
      ) : (
        <p role="alert" className="text-red-700">
          {t("account.notAllowed")}
        </p>
      )}
    </main>
  );
}
