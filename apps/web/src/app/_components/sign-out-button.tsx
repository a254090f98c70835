"use client";

import { useRouter } from "next/navigation";

/** Ends the session on the server (revoked there, not just forgotten here). */
export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-sky-800 underline hover:bg-sky-50"
      onClick={async () => {
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
