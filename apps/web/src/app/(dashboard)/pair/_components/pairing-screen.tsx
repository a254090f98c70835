"use client";

import type { KioskRefusal } from "@pulse/schema";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTRPC } from "../../../../trpc/react";

interface Waiting {
  code: string;
  expiresAt: string;
}

/** Asks the web app for a pairing code; the token it pairs is set as an httpOnly cookie. */
async function requestCode(): Promise<Waiting> {
  const response = await fetch("/api/kiosk/pairing", { method: "POST" });
  if (!response.ok) throw new Error(`pairing request failed: ${response.status}`);
  return (await response.json()) as Waiting;
}

/** Full-screen, legible from across a room: the code, when it expires, and why we are here. */
export function PairingScreen({ refused, waiting }: { refused: KioskRefusal | null; waiting: Waiting | null }) {
  const t = useTranslations("pair");
  const format = useFormatter();
  const router = useRouter();
  const trpc = useTRPC();
  // A code is fetched when there is none and again when it expires; failures retry every 15 s.
  const codeQuery = useQuery({
    queryKey: ["pairing-code"],
    queryFn: requestCode,
    initialData: waiting ?? undefined,
    staleTime: Infinity,
    retry: true,
    retryDelay: 15_000,
    refetchInterval: (query) =>
      query.state.data ? Math.max(1_000, new Date(query.state.data.expiresAt).getTime() - Date.now()) : false,
  });
  const pairing = codeQuery.data ?? null;
  const failed = codeQuery.failureCount > 0;

  // Asks every 3 s whether a user has typed the code yet.
  const me = useQuery({ ...trpc.auth.me.queryOptions(), enabled: pairing !== null, refetchInterval: 3_000 });
  useEffect(() => {
    if (me.data?.kind === "kiosk") router.replace("/wall");
  }, [me.data, router]);

  const code = pairing?.code ?? "";
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-[3vh] bg-slate-950 p-[4vw] text-center text-white">
      {refused && (
        <div role="alert" className="max-w-[70vw] rounded-lg bg-red-900/60 px-[3vw] py-[2vh] text-[2.6vw]">
          <p className="font-semibold">{t(refused)}</p>
          <p>{t("rePair")}</p>
        </div>
      )}
      <h1 className="text-[3vw] font-semibold">{t("title")}</h1>
      <p className="max-w-[70vw] text-[2.2vw] text-slate-300">{t("instructions")}</p>
      <p
        data-testid="pairing-code"
        aria-label={code.split("").join(" ")}
        className="font-mono text-[12vw] leading-none font-bold tracking-[0.15em] text-amber-300"
      >
        {code ? `${code.slice(0, 3)} ${code.slice(3)}` : "··· ···"}
      </p>
      {pairing && (
        <p className="text-[1.8vw] text-slate-400">
          {t("expires", { time: format.dateTime(new Date(pairing.expiresAt), { hour: "2-digit", minute: "2-digit" }) })}{" "}
          · {t("waiting")}
        </p>
      )}
      {failed && <p className="text-[1.8vw] text-red-300">{t("failed")}</p>}
    </main>
  );
}
