/** Where `next` may send someone (after sign-in, once the API is up): a path of this site, never another site. */
export function safeNext(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}
