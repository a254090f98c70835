/** "02/12/2026": a day, as every table and form shows it. */
export const DATE = { day: "2-digit", month: "2-digit", year: "numeric" } as const;
/** "14:05 02/12/2026": a moment, as every table and form shows it. */
export const DATE_TIME = { ...DATE, hour: "2-digit", minute: "2-digit" } as const;
