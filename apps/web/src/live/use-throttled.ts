"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The value, but changing at most once per `ms`: the latest value always arrives, at the end of
 * the interval. For parts too costly to redraw on every push (charts).
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
