import { createRequire } from "node:module";
import { Font } from "@react-pdf/renderer";

export const FONT_FAMILY = "Be Vietnam Pro";
const require = createRequire(import.meta.url);
const ttf = (style: string) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${style}/BeVietnamPro_${style}.ttf`);

/**
 * Be Vietnam Pro, the screens' typeface, as full TrueType files: every Vietnamese letter with
 * its tone marks, subset and embedded in each PDF.
 */
export function registerFonts(): void {
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: ttf("400Regular"), fontWeight: 400 },
      { src: ttf("400Regular_Italic"), fontWeight: 400, fontStyle: "italic" },
      { src: ttf("600SemiBold"), fontWeight: 600 },
      { src: ttf("700Bold"), fontWeight: 700 },
    ],
  });
  // Never break a word with a hyphen: Vietnamese syllables are words, and names must stay whole.
  Font.registerHyphenationCallback((word) => [word]);
}
