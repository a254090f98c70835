import type { MetadataRoute } from "next";
import { getTranslations } from "next-intl/server";

/** Installs the field reporting page as an app on the phone's home screen (Vietnamese name by default). */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getTranslations("field");
  return {
    name: t("appName"),
    short_name: t("appShortName"),
    description: t("appDescription"),
    lang: "vi",
    start_url: "/report",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: "#b91c1c",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
