import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LayoutProfile } from "../../../core/model/layout-profile";
import { fontFamilyNames } from "../../../host/fonts/font-family-names";
import { fontOutlineFormat } from "../../../host/fonts/font-outline-format";
import { scanFontDirs } from "../../../host/fonts/installed-fonts";
import { resolveFonts } from "../../../host/fonts/resolve-fonts";
import { notoSansScFile, notoSerifScFile } from "../../../host/fonts/stand-in-fonts";

// Real font files on the test machine: Debian's TrueType WenKai, its CFF Noto CJK collection,
// and the npm stand-ins.
const WENKAI = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";
const NOTO_CJK_CFF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const strict = LayoutProfile.parse({});

describe("font discovery", () => {
  it("reads family names from the font file itself, Chinese names included", async () => {
    expect(await fontFamilyNames(WENKAI)).toEqual(expect.arrayContaining(["LXGW WenKai", "霞鹜文楷"]));
    expect(await fontFamilyNames(notoSerifScFile("900Black") ?? "")).toEqual(expect.arrayContaining(["Noto Serif SC Black"]));
    expect(await fontFamilyNames(NOTO_CJK_CFF)).toEqual(["Noto Serif CJK JP"]);
  });

  it("finds a font in a font folder by its declared name, whatever the file is called", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-fonts-"));
    symlinkSync(WENKAI, join(dir, "A1B2.TTF"));
    const found = await scanFontDirs([dir]);
    expect(found.get("霞鹜文楷")).toBe(join(dir, "A1B2.TTF"));
  });

  it("tells TrueType from CFF outlines, collections included", async () => {
    expect(await fontOutlineFormat(WENKAI)).toBe("truetype");
    expect(await fontOutlineFormat(notoSansScFile() ?? "")).toBe("truetype");
    expect(await fontOutlineFormat(NOTO_CJK_CFF)).toBe("cff");
  });
});

describe("choosing fonts for the PDF", () => {
  it("uses an official font when installed and reports no substitution for it", async () => {
    const installed = new Map([
      ["楷体_GB2312", WENKAI],
      ["黑体", notoSansScFile() ?? ""],
    ]);
    const fonts = await resolveFonts(strict, installed);
    expect(fonts.find((f) => f.role === "heading2")).toMatchObject({
      requested: "楷体_GB2312",
      used: "楷体_GB2312",
      file: WENKAI,
      substituted: false,
    });
    expect(fonts.find((f) => f.role === "heading1")).toMatchObject({ used: "黑体", substituted: false });
    expect(fonts.find((f) => f.role === "title")).toMatchObject({ used: "Noto Serif SC Black", substituted: true });
  });

  it("takes 仿宋 for a 仿宋_GB2312 request when only 仿宋 is installed, and says so", async () => {
    const fonts = await resolveFonts(strict, new Map([["仿宋", WENKAI]]));
    expect(fonts.find((f) => f.role === "body")).toMatchObject({ requested: "仿宋_GB2312", used: "仿宋", substituted: true });
  });

  it("passes over an installed CFF font, which Chromium would print as Type 3", async () => {
    const fonts = await resolveFonts(strict, new Map([["宋体", NOTO_CJK_CFF]]));
    expect(fonts.find((f) => f.role === "pageNumber")).toMatchObject({ used: "Noto Serif SC", substituted: true });
  });

  it("falls back to TrueType stand-ins for every role on a machine without the official fonts", async () => {
    const fonts = await resolveFonts(LayoutProfile.parse({ timesNewRomanDigits: true }), new Map());
    expect(fonts.map((f) => f.role)).toEqual(["title", "body", "heading1", "heading2", "pageNumber", "latin"]);
    for (const f of fonts) {
      expect(f.substituted).toBe(true);
      expect(await fontOutlineFormat(f.file)).toBe("truetype");
    }
  });
});
