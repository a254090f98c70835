"use client";

import { nameIn } from "@pulse/messages/names";
import { scopeKey, type FieldError, type Scope } from "@pulse/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import { useTRPC } from "../../../../trpc/react";
import { FieldMessage, fieldErrorsOf } from "../../../_components/field-message";
import { SubmitButton } from "../../../_components/submit-button";

interface Values {
  unit: string;
  campaignId: string;
  cadence: "daily" | "weekly";
  weekday: string;
  time: string;
  lang: "vi" | "en";
  addresses: string;
}

const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
const input = "w-full rounded border border-slate-300 px-3 py-2";

const scopeOfKey = (key: string): Scope => {
  const [kind, code = ""] = key.split(":");
  return kind === "province" || kind === "commune" ? { kind, code } : { kind: "nation" };
};

/** The form's values as `subscriptions.create` takes them (addresses: one per line, or comma-separated). */
const toInput = (v: Values) => ({
  scope: scopeOfKey(v.unit),
  ...(v.campaignId ? { campaignId: v.campaignId } : {}),
  cadence: v.cadence,
  ...(v.cadence === "weekly" ? { weekday: Number(v.weekday) } : {}),
  time: v.time,
  lang: v.lang,
  addresses: v.addresses.split(/[\s,;]+/).filter(Boolean),
});

const defaultsOf = (scope: Scope, locale: string): Values => ({
  unit: scopeKey(scope),
  campaignId: "",
  cadence: "daily",
  weekday: "1",
  time: "07:00",
  lang: locale === "en" ? "en" : "vi",
  addresses: "",
});

/** The units a user may subscribe to: their own scope, and the units one level below it. */
function useUnits(scope: Scope) {
  const trpc = useTRPC();
  const locale = useLocale();
  const t = useTranslations("subscriptions");
  const nation = useQuery({ ...trpc.progress.nation.queryOptions({}), enabled: scope.kind === "nation" });
  const province = useQuery({
    ...trpc.progress.province.queryOptions({ code: scope.kind === "province" ? scope.code : "" }),
    enabled: scope.kind === "province",
  });
  const name = (u: { fullName: string; fullNameEn: string }) => (locale === "vi" ? u.fullName : u.fullNameEn);
  const own =
    scope.kind === "nation"
      ? t("nation")
      : (province.data?.province && name(province.data.province)) || scopeKey(scope);
  const below =
    scope.kind === "nation"
      ? (nation.data?.provinces ?? []).map((p) => ({ key: `province:${p.code}`, name: name(p) }))
      : scope.kind === "province"
        ? (province.data?.communes ?? []).map((c) => ({ key: `commune:${c.code}`, name: name(c) }))
        : [];
  return [{ key: scopeKey(scope), name: own }, ...below];
}

/** When and in which language: daily or weekly (on a day), the time in Viet Nam. */
function ScheduleFields({
  register,
  errors,
  weekly,
}: {
  register: UseFormRegister<Values>;
  errors: FieldError[];
  weekly: boolean;
}) {
  const t = useTranslations("subscriptions");
  return (
    <>
      <div className="grid grid-cols-2 gap-2">
        <label className="block">
          <span className="mb-1 block font-semibold">{t("cadence")}</span>
          <select className={input} {...register("cadence")}>
            <option value="daily">{t("cadences.daily")}</option>
            <option value="weekly">{t("cadences.weekly")}</option>
          </select>
        </label>
        {weekly && (
          <label className="block">
            <span className="mb-1 block font-semibold">{t("weekday")}</span>
            <select className={input} {...register("weekday")}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {t(`weekdays.${d}`)}
                </option>
              ))}
            </select>
            <FieldMessage errors={errors} field="weekday" />
          </label>
        )}
      </div>
      <div className="grid grid-cols-2 gap-2">
        <label className="block">
          <span className="mb-1 block font-semibold">{t("time")}</span>
          <input className={input} type="time" {...register("time")} />
          <FieldMessage errors={errors} field="time" />
        </label>
        <label className="block">
          <span className="mb-1 block font-semibold">{t("lang")}</span>
          <select className={input} {...register("lang")}>
            <option value="vi">{t("langs.vi")}</option>
            <option value="en">{t("langs.en")}</option>
          </select>
        </label>
      </div>
    </>
  );
}

/** A new subscription: unit, campaign, daily or weekly at a time, language, addresses. */
export function SubscriptionForm({ scope }: { scope: Scope }) {
  const t = useTranslations("subscriptions");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const units = useUnits(scope);
  const campaigns = useQuery(trpc.progress.campaigns.queryOptions());
  const form = useForm<Values>({ defaultValues: defaultsOf(scope, locale) });
  const create = useMutation(
    trpc.subscriptions.create.mutationOptions({
      onSuccess: () => {
        form.reset({ ...form.getValues(), addresses: "" });
        void queryClient.invalidateQueries({ queryKey: trpc.subscriptions.list.queryKey() });
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const weekly = useWatch({ control: form.control, name: "cadence" }) === "weekly";
  const submit = (values: Values) => create.mutate(toInput(values));
  return (
    <section className="rounded bg-white p-4 ring-1 ring-slate-200">
      <h2 className="mb-3 text-lg font-semibold">{t("new")}</h2>
      <form className="space-y-3" onSubmit={form.handleSubmit(submit)}>
        <label className="block">
          <span className="mb-1 block font-semibold">{t("unit")}</span>
          <select className={input} {...form.register("unit")}>
            {units.map((u) => (
              <option key={u.key} value={u.key}>
                {u.name}
              </option>
            ))}
          </select>
          <FieldMessage errors={errors} field="scope" />
        </label>
        <label className="block">
          <span className="mb-1 block font-semibold">{t("campaign")}</span>
          <select className={input} {...form.register("campaignId")}>
            <option value="">{t("currentCampaign")}</option>
            {(campaigns.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {nameIn(c, locale)}
              </option>
            ))}
          </select>
          <FieldMessage errors={errors} field="campaignId" />
        </label>
        <ScheduleFields register={form.register} errors={errors} weekly={weekly} />
        <label className="block">
          <span className="mb-1 block font-semibold">{t("addresses")}</span>
          <textarea className={input} rows={3} {...form.register("addresses")} />
          <span className="mt-1 block text-sm text-slate-600">{t("addressesHint")}</span>
          <FieldMessage errors={errors} field="addresses" />
        </label>
        <SubmitButton pending={create.isPending}>{t("submit")}</SubmitButton>
        {create.isSuccess && (
          <p role="status" className="text-sm text-emerald-800">
            {t("created")}
          </p>
        )}
        {create.error && errors.length === 0 && (
          <p role="alert" className="text-sm text-red-700">
            {create.error.message}
          </p>
        )}
      </form>
    </section>
  );
}
