"use client";

import type { Scope } from "@pulse/schema";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { CreateForm, PairForm } from "./kiosk-forms";
import { KioskList } from "./kiosk-list";
import { FleetByProvince } from "../../../_components/screen-fleet";

const noSubscription = () => () => undefined;

/**
 * This page's origin for the links it shows. The server renders without it and the browser
 * fills it in after hydration (reading `window` during the first render made the texts differ:
 * React's hydration error #418).
 */
const usePageOrigin = () =>
  useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );

/**
 * Pair a TV by code, create a token for a link, follow each screen's health (connected, or dark
 * since when) and the dark screens per province, revoke.
 */
export function KioskManager({ scope }: { scope: Scope }) {
  const t = useTranslations("kiosk");
  const origin = usePageOrigin();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <PairForm scope={scope} origin={origin} />
      <CreateForm scope={scope} origin={origin} />
      <section className="lg:col-span-2">
        <h2 className="mb-2 text-lg font-semibold">{t("listTitle")}</h2>
        <p className="mb-2 text-sm text-slate-600">{t("liveNote")}</p>
        <KioskList />
      </section>
      <div className="lg:col-span-2">
        <FleetByProvince />
      </div>
    </div>
  );
}
