import { MESSAGES } from "@pulse/messages";
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_HEADER, toLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = toLocale((await headers()).get(LOCALE_HEADER));
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Ho_Chi_Minh" };
});
