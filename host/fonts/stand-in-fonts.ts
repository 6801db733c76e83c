import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** An OFL font used when the official one is missing: a TrueType file, so the PDF embeds it. */
export interface StandIn {
  family: string;
  /** A file installed by the setup (an npm dependency), or null when it comes from the system. */
  file: string | null;
  /** Family to look up among the installed fonts when `file` is null. */
  systemFamily: string | null;
}

const require = createRequire(import.meta.url);

/** A file inside an npm font package, or null when the package is not installed. */
function packageFile(pkg: string, relative: string): string | null {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), relative);
  } catch {
    return null;
  }
}

export function notoSerifScFile(weight: "400Regular" | "900Black"): string | null {
  return packageFile("@expo-google-fonts/noto-serif-sc", `${weight}/NotoSerifSC_${weight}.ttf`);
}

export function notoSansScFile(): string | null {
  return packageFile("@expo-google-fonts/noto-sans-sc", "400Regular/NotoSansSC_400Regular.ttf");
}

/**
 * Debian has no free simplified 仿宋 (stack-notes §3), so body text uses Noto Serif SC; the npm
 * packages ship Google's TrueType builds, unlike Debian's CFF Noto CJK that Chromium prints as Type 3.
 */
export function standInFor(role: "title" | "body" | "heading1" | "heading2" | "pageNumber" | "latin"): StandIn[] {
  switch (role) {
    case "title":
      return [{ family: "Noto Serif SC Black", file: notoSerifScFile("900Black"), systemFamily: null }];
    case "body":
    case "pageNumber":
      return [{ family: "Noto Serif SC", file: notoSerifScFile("400Regular"), systemFamily: null }];
    case "heading1":
      return [{ family: "Noto Sans SC", file: notoSansScFile(), systemFamily: null }];
    case "heading2":
      return [
        { family: "LXGW WenKai", file: null, systemFamily: "LXGW WenKai" },
        { family: "Noto Serif SC", file: notoSerifScFile("400Regular"), systemFamily: null },
      ];
    case "latin":
      return [
        { family: "Liberation Serif", file: null, systemFamily: "Liberation Serif" },
        { family: "Noto Serif SC", file: notoSerifScFile("400Regular"), systemFamily: null },
      ];
  }
}
