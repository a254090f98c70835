"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

/** How many reports on this phone are not yet sent (read only where the field page ever ran). */
async function unsentReports(): Promise<number> {
  if (typeof indexedDB === "undefined" || !(await indexedDB.databases?.())?.some((d) => d.name === "pulse-field"))
    return 0;
  const { allEntries } = await import("../../field/field-store");
  return (await allEntries()).filter((e) => e.state === "waiting" || e.state === "sending").length;
}

/**
 * Ends the session on the server (revoked there, not just forgotten here). Reports still waiting
 * on this phone are kept, and the user is told so before signing out.
 */
export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  const t = useTranslations("field");
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-sky-800 underline hover:bg-sky-50"
      onClick={async () => {
        const unsent = await unsentReports();
        if (unsent > 0 && !window.confirm(t("signOutWithUnsent", { count: unsent }))) return;
        await fetch("/api/auth/sign-out", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        });
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      {label}
    </button>
  );
}
