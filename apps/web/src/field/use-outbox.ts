"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { Outbox, type OutboxSnapshot } from "./outbox";

let outbox: Outbox | null = null;
const EMPTY: OutboxSnapshot = { entries: [], needsSignIn: false, loaded: false };

/** The page's one outbox (created in the browser only), started while a component uses it. */
export function useOutbox(): { outbox: Outbox | null; snapshot: OutboxSnapshot } {
  const [current] = useState(() => (typeof window === "undefined" ? null : (outbox ??= new Outbox())));
  useEffect(() => {
    if (!current) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    // Ask the browser not to evict the outbox under storage pressure.
    void navigator.storage?.persist?.();
    void current.start().then((stopping) => (cancelled ? stopping() : (stop = stopping)));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [current]);
  const snapshot = useSyncExternalStore(
    current?.subscribe ?? (() => () => undefined),
    current?.getSnapshot ?? (() => EMPTY),
    () => EMPTY,
  );
  return { outbox: current, snapshot };
}
