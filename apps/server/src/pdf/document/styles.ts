import { StyleSheet } from "@react-pdf/renderer";
import type { Tone } from "../report-layout";
import { FONT_FAMILY } from "./fonts";

/** A4 portrait in points, with the margins of an administrative document. */
export const PAGE = { width: 595.28, height: 841.89, top: 40, bottom: 48, left: 48, right: 36 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** The screens' pace colours (text) and their lighter fills (bars). */
export const TONE_TEXT: Record<Tone, string> = {
  done: "#075985",
  on_track: "#065f46",
  at_risk: "#92400e",
  behind: "#b91c1c",
  none: "#334155",
  flagged: "#b91c1c",
};
export const TONE_FILL: Record<Tone, string> = {
  done: "#0284c7",
  on_track: "#059669",
  at_risk: "#f59e0b",
  behind: "#dc2626",
  none: "#64748b",
  flagged: "#dc2626",
};
export const INK = "#0f172a";
export const MUTED = "#475569";
export const RULE = "#cbd5e1";

export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 9,
    color: INK,
    paddingTop: PAGE.top,
    paddingBottom: PAGE.bottom,
    paddingLeft: PAGE.left,
    paddingRight: PAGE.right,
    lineHeight: 1.3,
  },
  section: { marginTop: 14 },
  sectionTitle: { fontSize: 10.5, fontWeight: 700, marginBottom: 6 },
  caption: { fontSize: 9, fontWeight: 600, marginBottom: 4 },
  note: { fontSize: 7.5, color: MUTED, marginTop: 3 },
  paragraph: { fontSize: 8.5, marginBottom: 4, textAlign: "justify" },
  // Placed from the top: react-pdf measures `bottom` from the laid-out content, not the sheet.
  footer: {
    position: "absolute",
    top: PAGE.height - PAGE.bottom + 14,
    left: PAGE.left,
    right: PAGE.right,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.5,
    borderTopColor: RULE,
    paddingTop: 4,
    fontSize: 7,
    color: MUTED,
  },
});
