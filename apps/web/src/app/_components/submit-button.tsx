"use client";

import { useSyncExternalStore, type ReactNode } from "react";

const never = () => () => undefined;

/**
 * A form's submit button, disabled until the page is interactive: a click before hydration would
 * submit the form natively (a GET with its fields in the address) instead of through the app.
 */
export function SubmitButton({
  pending,
  className,
  children,
}: {
  pending: boolean;
  className?: string;
  children: ReactNode;
}) {
  const hydrated = useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
  return (
    <button
      type="submit"
      disabled={pending || !hydrated}
      className={`rounded bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900 disabled:opacity-60 ${className ?? ""}`}
    >
      {children}
    </button>
  );
}
