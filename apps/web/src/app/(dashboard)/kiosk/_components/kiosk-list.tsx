"use client";

import { scopeKey } from "@pulse/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../../../../trpc/react";
import { OnHoursCell } from "./on-hours-cell";
import { FLEET_REFRESH_MS } from "../../../_components/screen-fleet";
import { ScreenHealthCell } from "./screen-health";

const COLUMNS = [
  "name",
  "scope",
  "health",
  "onHours",
  "showing",
  "version",
  "lastSeen",
  "created",
  "expires",
  "status",
] as const;

/** The screens this user manages, with their health; an active one can be revoked. */
export function KioskList() {
  const t = useTranslations("kiosk");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery({ ...trpc.kiosk.list.queryOptions(), refetchInterval: FLEET_REFRESH_MS });
  const revoke = useMutation(
    trpc.kiosk.revoke.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.kiosk.list.queryKey() }),
    }),
  );
  const time = (date: Date | null, none: string) =>
    date ? format.dateTime(date, { dateStyle: "short", timeStyle: "short" }) : none;
  if (tokens.data?.length === 0) return <p>{t("none")}</p>;
  if (!tokens.data) return null;
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-600">
          {COLUMNS.map((c) => (
            <th key={c} className="py-2 pr-3">
              {t(`columns.${c}`)}
            </th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {tokens.data.map((token) => (
          <tr key={token.id} className="border-b border-slate-200" data-screen={token.name}>
            <td className="py-2 pr-3 font-medium">{token.name}</td>
            <td className="pr-3 font-mono">{scopeKey(token.scope)}</td>
            <td className="pr-3">
              <ScreenHealthCell active={token.status === "active"} health={token.health} />
            </td>
            <td className="pr-3">
              <OnHoursCell id={token.id} onHours={token.onHours} editable={token.status === "active"} />
            </td>
            <td className="pr-3 font-mono">{token.showing ?? ""}</td>
            <td className="pr-3 font-mono">{token.appVersion ?? ""}</td>
            <td className="pr-3">{time(token.lastSeenAt, t("never"))}</td>
            <td className="pr-3">{time(token.createdAt, "")}</td>
            <td className="pr-3">{time(token.expiresAt, t("noExpiry"))}</td>
            <td className="pr-3">{t(`status.${token.status}`)}</td>
            <td className="text-right">
              {token.status === "active" && (
                <button
                  type="button"
                  className="rounded px-2 py-1 text-red-800 underline hover:bg-red-50"
                  onClick={() => {
                    if (window.confirm(t("confirmRevoke", { name: token.name }))) revoke.mutate({ id: token.id });
                  }}
                >
                  {t("revoke")}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
