import type { LayoutProfile } from "../model/layout-profile";

/**
 * Page set-up in the units each writer needs, derived once from the profile (gbt9704.md §2.1–2.3,
 * §3.1–3.3). Twips for OOXML, millimetres and points for CSS.
 */
export interface PageGeometry {
  pageWidthTwip: number;
  pageHeightTwip: number;
  marginTwip: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  marginMm: { top: number; right: number; bottom: number; left: number };
  /** Exact line pitch: 579 twip = 28.95 pt, so 22 lines fill the 225 mm type area. */
  linePitchTwip: number;
  linePitchPt: number;
  /** Width of one 3号 字 on the grid, in twips: 320 with run spacing, 315.85 on Word's character grid. */
  charPitchTwip: number;
  /** lineGrid: −5 twentieths of a point on body runs (15.75 pt pitch); charGrid: Word's docGrid. */
  runSpacingTwentieths: number | null;
  docGridCharSpace: number | null;
  /** The CSS letter-spacing that gives the same 28 characters per line as the .docx. */
  cssLetterSpacingPt: number;
}

const TWIP_PER_MM = 1440 / 25.4;
/** The optical 天头: the first line's ink otherwise sits about 2.6 mm below the margin (§3.3). */
const OPTICAL_TOP_REDUCTION_MM = 2.6;
const CHAR_GRID_SPACE = -849;

export function pageGeometry(profile: LayoutProfile): PageGeometry {
  const topMm = profile.opticalTopMargin ? 37 - OPTICAL_TOP_REDUCTION_MM : 37;
  const charGrid = profile.gridMode === "charGrid";
  const charPitchPt = charGrid ? 16 + CHAR_GRID_SPACE / 4096 : 16;
  return {
    pageWidthTwip: 11906,
    pageHeightTwip: 16838,
    marginTwip: { top: Math.round(topMm * TWIP_PER_MM), right: 1474, bottom: 1984, left: 1587, header: 851, footer: 1440 },
    marginMm: { top: topMm, right: 26, bottom: 35, left: 28 },
    linePitchTwip: 579,
    linePitchPt: 28.95,
    charPitchTwip: charPitchPt * 20,
    runSpacingTwentieths: charGrid ? null : -5,
    docGridCharSpace: charGrid ? CHAR_GRID_SPACE : null,
    cssLetterSpacingPt: charGrid ? charPitchPt - 16 : -0.25,
  };
}
