"use client";

import { SubmitButton } from "../../../_components/submit-button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

const credentials = z.object({
  email: z.email({ message: "emailInvalid" }),
  password: z.string().min(1, { message: "passwordRequired" }),
});
type Credentials = z.infer<typeof credentials>;

/** Email and password, sent to the server's sign-in; the session comes back as an httpOnly cookie. */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Credentials>({ resolver: zodResolver(credentials) });
  const fieldError = (key: keyof Credentials) => {
    const message = formState.errors[key]?.message;
    return message === "emailInvalid" || message === "passwordRequired" ? t(message) : null;
  };

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(values),
    }).catch(() => null);
    if (response?.ok) {
      router.replace(next);
      router.refresh();
      return;
    }
    if (response?.status === 429) {
      const seconds = Number(response.headers.get("retry-after") ?? 60);
      setFailure(t("throttled", { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
    } else setFailure(response && response.status < 500 ? t("invalid") : t("failed"));
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded bg-white p-6 ring-1 ring-slate-200">
      {(["email", "password"] as const).map((field) => (
        <label key={field} className="block">
          <span className="mb-1 block font-semibold">{t(field)}</span>
          <input
            type={field}
            autoComplete={field === "email" ? "username" : "current-password"}
            aria-invalid={fieldError(field) ? true : undefined}
            className="w-full rounded border border-slate-300 px-3 py-2 text-base"
            {...register(field)}
          />
          {fieldError(field) && <span className="mt-1 block text-sm text-red-700">{fieldError(field)}</span>}
        </label>
      ))}
      {failure && (
        <p role="alert" className="text-sm text-red-700">
          {failure}
        </p>
      )}
      <SubmitButton pending={formState.isSubmitting} className="w-full">
        {formState.isSubmitting ? t("submitting") : t("submit")}
      </SubmitButton>
    </form>
  );
}
