import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PROFILE_PRESETS } from "../../../core/export-model/profile-presets";
import { renderReportPrintHtml } from "../../../host/export/export-report";
import { fixtureReport } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

describe("the print page (PDF and the app's paged preview)", () => {
  it("binds every font role to an existing file and links the template's print.css by file URL", async () => {
    const { html, fonts } = await renderReportPrintHtml({ report: fixtureReport(), template: fazhiTemplate() });
    const urls = [...html.matchAll(/url\("(file:[^"]+)"\)/g)].map((m) => m[1] ?? "");
    expect(urls).toHaveLength(fonts.length);
    for (const url of urls) expect(existsSync(fileURLToPath(url))).toBe(true);
    const css = /<link rel="stylesheet" href="(file:[^"]+)">/.exec(html)?.[1] ?? "";
    expect(fileURLToPath(css)).toMatch(/templates[\\/]fazhi-zhengfu-niandu-baogao[\\/]print\.css$/);
    expect(html).toContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }");
    expect(html).toContain('<p class="title">2023年度木渎镇法治政府建设工作报告</p>');
  });

  it("follows the profile: optical 天头, character-grid pitch, Times New Roman digits", async () => {
    const optical = await renderReportPrintHtml({
      report: fixtureReport(),
      template: fazhiTemplate(),
      profile: PROFILE_PRESETS["optical-top"],
    });
    expect(optical.html).toContain("margin: 34.4mm 26mm 35mm 28mm");
    const grid = await renderReportPrintHtml({ report: fixtureReport(), template: fazhiTemplate(), profile: PROFILE_PRESETS["char-grid"] });
    expect(grid.html).toContain("--nb-letter-spacing: -0.2073pt");
    const digits = await renderReportPrintHtml({
      report: fixtureReport(),
      template: fazhiTemplate(),
      profile: PROFILE_PRESETS["times-digits"],
    });
    expect(digits.html).toMatch(/font-family: "NB latin"; src: url\("file:[^"]+"\); unicode-range: U\+0020-007E;/);
    expect(digits.fonts.find((f) => f.role === "latin")?.requested).toBe("Times New Roman");
  });
});
