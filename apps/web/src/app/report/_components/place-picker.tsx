"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Place } from "../../../field/field-store";
import { matchesQuery } from "../../_components/command/fold";

const SELECT = "mt-1 h-12 w-full rounded border border-slate-400 bg-white px-3 text-lg";

/** A province user's commune: a search (marks optional) over the province's communes. */
export function CommunePicker({
  communes,
  value,
  onChange,
}: {
  communes: Place[];
  value: string | null;
  onChange: (code: string) => void;
}) {
  const t = useTranslations("field");
  const [query, setQuery] = useState("");
  const shown = communes.filter((c) => c.code === value || !query || matchesQuery(c.name, query));
  return (
    <div className="space-y-2">
      <label className="block">
        <span className="block font-semibold">{t("communeSearch")}</span>
        <input
          type="search"
          className={SELECT}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
      </label>
      <label className="block">
        <span className="block font-semibold">{t("commune")}</span>
        <select className={SELECT} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
          <option value="" disabled>
            {t("commune")}
          </option>
          {shown.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The village or residential group reported for (or the whole commune). */
export function VillagePicker({
  villages,
  value,
  onChange,
  offline,
}: {
  villages: Place[];
  value: string | null;
  onChange: (code: string | null) => void;
  offline: boolean;
}) {
  const t = useTranslations("field");
  return (
    <label className="block">
      <span className="block font-semibold">{t("village")}</span>
      <select
        className={SELECT}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
      >
        <option value="">{t("wholeCommune")}</option>
        {villages.map((v) => (
          <option key={v.code} value={v.code}>
            {v.name}
          </option>
        ))}
      </select>
      {offline && <span className="mt-1 block text-sm text-amber-800">{t("placesOffline")}</span>}
    </label>
  );
}
