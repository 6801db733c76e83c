import type { ReportMeta } from "./report";

/**
 * What imports before this version stored when they found no 发文机关. It is not the clerk's
 * word, so it counts as no 发文机关 at all: never printed, reported by `check` as ORG-EMPTY.
 */
export const LEGACY_UNKNOWN_ORG = "（待填写发文机关）";

/** The 发文机关 as the report or the clerk gave it; null when there is none. */
export function issuingOrg(meta: Pick<ReportMeta, "org">): string | null {
  const org = meta.org.trim();
  return org === "" || org === LEGACY_UNKNOWN_ORG ? null : org;
}

/** The title as the report or the clerk gave it; null when there is none. */
export function reportTitle(meta: Pick<ReportMeta, "title">): string | null {
  const title = meta.title.trim();
  return title === "" ? null : meta.title;
}
