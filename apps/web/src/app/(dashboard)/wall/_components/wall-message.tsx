"use client";

import { useTranslations } from "next-intl";

/** Full-screen dark placeholder while a wall loads (or retries), so a TV never flashes white. */
export function WallMessage({ failed }: { failed: boolean }) {
  const t = useTranslations("wall");
  return (
    <div
      className="grid h-screen w-screen place-items-center bg-[#0b1220] text-slate-300"
      style={{ fontSize: "min(1vw, 1.78vh)" }}
    >
      <p role="status" className="text-[2.4em]">
        {failed ? t("error") : t("loading")}
      </p>
    </div>
  );
}
