import { LayoutProfile } from "../model/layout-profile";

/**
 * Named profiles for `--profile`. `strict` is GB/T 9704 as written; the others are the local
 * variants clerks ask for most (gbt9704.md §1.11).
 */
const presets = {
  strict: LayoutProfile.parse({}),
  "bold-headings": LayoutProfile.parse({ name: "custom", boldLevel2: true, boldLevel3: true }),
  local: LayoutProfile.parse({ name: "custom", boldLevel2: true, boldLevel3: true, timesNewRomanDigits: true, fangsongFamily: "仿宋" }),
  "times-digits": LayoutProfile.parse({ name: "custom", timesNewRomanDigits: true }),
  "optical-top": LayoutProfile.parse({ name: "custom", opticalTopMargin: true }),
  "char-grid": LayoutProfile.parse({ name: "custom", gridMode: "charGrid" }),
  unsealed: LayoutProfile.parse({ name: "custom", closing: "unsealed" }),
} satisfies Record<string, LayoutProfile>;

export type ProfilePresetName = keyof typeof presets;

export const PROFILE_PRESETS: Readonly<Record<ProfilePresetName, LayoutProfile>> = presets;

export const PROFILE_PRESET_NAMES = Object.keys(presets) as [ProfilePresetName, ...ProfilePresetName[]];
