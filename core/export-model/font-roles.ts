import type { LayoutProfile } from "../model/layout-profile";

/** title 小标宋; body 仿宋 (also levels 3–4); heading1 黑体; heading2 楷体; pageNumber 宋体; latin digits. */
export type FontRole = "title" | "body" | "heading1" | "heading2" | "pageNumber" | "latin";

export const FONT_ROLES: readonly FontRole[] = ["title", "body", "heading1", "heading2", "pageNumber", "latin"];

/** The Chinese Windows family names GB/T 9704 practice asks for (gbt9704.md §2.5). */
export function requestedFontFamily(role: FontRole, profile: LayoutProfile): string {
  switch (role) {
    case "title":
      return "方正小标宋简体";
    case "body":
      return profile.fangsongFamily;
    case "heading1":
      return "黑体";
    case "heading2":
      return profile.fangsongFamily === "仿宋" ? "楷体" : "楷体_GB2312";
    case "pageNumber":
      return "宋体";
    case "latin":
      return "Times New Roman";
  }
}

/** Roles a document set with this profile actually uses. */
export function usedFontRoles(profile: LayoutProfile): FontRole[] {
  return FONT_ROLES.filter((role) => role !== "latin" || profile.timesNewRomanDigits);
}
