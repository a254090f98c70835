import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_HEADER, toLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = toLocale((await headers()).get(LOCALE_HEADER));
  const messages = (await import(`../../messages/${locale}.json`)) as { default: Record<string, unknown> };
  return { locale, messages: messages.default, timeZone: "Asia/Ho_Chi_Minh" };
});
