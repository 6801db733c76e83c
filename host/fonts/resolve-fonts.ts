import { existsSync } from "node:fs";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { FontRole } from "../../core/export-model/font-roles";
import { requestedFontFamily, usedFontRoles } from "../../core/export-model/font-roles";
import type { LayoutProfile } from "../../core/model/layout-profile";
import { fontOutlineFormat } from "./font-outline-format";
import { installedFonts, type InstalledFonts } from "./installed-fonts";
import { standInFor } from "./stand-in-fonts";

export interface ResolvedFont {
  role: FontRole;
  /** The family GB/T 9704 practice asks for; this name goes into the .docx. */
  requested: string;
  /** The family whose file the PDF embeds. */
  used: string;
  file: string;
  substituted: boolean;
}

/** Official names accepted for a role, best first (gbt9704.md §2.5: _GB2312 when installed, else the plain family). */
function officialCandidates(role: FontRole, requested: string): string[] {
  switch (role) {
    case "title":
      return [requested, "FZXiaoBiaoSong-B05S", "方正小标宋_GBK"];
    case "body":
      return requested === "仿宋_GB2312"
        ? ["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"]
        : ["仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312"];
    case "heading1":
      return ["黑体", "SimHei"];
    case "heading2":
      return requested === "楷体_GB2312"
        ? ["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"]
        : ["楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312"];
    case "pageNumber":
      return ["宋体", "SimSun"];
    case "latin":
      return ["Times New Roman"];
  }
}

/**
 * For each role the profile uses: the official font when this machine has it as a TrueType file,
 * otherwise the first available OFL stand-in. Throws when not even a stand-in exists, since a
 * PDF in fallback fonts would look right on screen and be wrong on paper.
 */
export async function resolveFonts(profile: LayoutProfile, installed?: InstalledFonts): Promise<ResolvedFont[]> {
  installed ??= await installedFonts();
  const out: ResolvedFont[] = [];
  for (const role of usedFontRoles(profile)) {
    const requested = requestedFontFamily(role, profile);
    let resolved: ResolvedFont | null = null;
    for (const name of officialCandidates(role, requested)) {
      const file = installed.get(name);
      if (file !== undefined && (await fontOutlineFormat(file)) === "truetype") {
        resolved = { role, requested, used: name, file, substituted: name !== requested };
        break;
      }
    }
    if (resolved === null) {
      for (const standIn of standInFor(role)) {
        const file = standIn.file ?? (standIn.systemFamily === null ? null : (installed.get(standIn.systemFamily) ?? null));
        if (file !== null && existsSync(file) && (await fontOutlineFormat(file)) === "truetype") {
          resolved = { role, requested, used: standIn.family, file, substituted: true };
          break;
        }
      }
    }
    if (resolved === null) {
      throw new NianbaoError(
        "not_found",
        `找不到可嵌入 PDF 的“${requested}”字体，也没有安装替代字体。请重新运行 npm ci（替代字体随依赖安装），或安装该字体。`,
        `no TrueType font for ${role} (${requested}) and no stand-in installed; rerun npm ci or install the font`,
      );
    }
    out.push(resolved);
  }
  return out;
}

/** The warning every export with stand-ins carries (shown in the app and printed by the CLI). */
export const SUBSTITUTION_WARNING_ZH =
  "本机未安装部分公文标准字体，PDF 使用了替代字体，仅供预览和校对；正式报送请在安装了标准字体（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312）的电脑上导出。";
