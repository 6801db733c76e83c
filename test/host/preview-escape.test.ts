import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../core/model/report";
import { startHttpHost } from "../../host/http/http-host";
import { createPreviewPages } from "../../host/services/preview-pages";
import { createTestHost } from "../support/report-host";
import { FIXTURE_MARKDOWN as FIXTURE } from "../support/report-from-markdown";

/*
 * issue 13: the print preview served a file the report's text named (file:///…/x.css became an
 * asset URL, outside --dir and without the token), swallowed the markup after it, and failed on
 * file://host/x.css. Whatever the text says, only the template's style sheet and the fonts are served.
 */
describe("the print preview and file URLs in the report's text", () => {
  it("serves no file the text names, keeps the text as text, and does not fail on file://host/…", async () => {
    const outside = mkdtempSync(join(tmpdir(), "nianbao-outside-"));
    const secretCss = join(outside, "secret.css");
    const secretFont = join(outside, "secret.ttf");
    writeFileSync(secretCss, "/* SECRET-CSS */");
    writeFileSync(secretFont, "SECRET-FONT");
    const previews = createPreviewPages();
    const { api, dispatch } = await createTestHost({ previews });
    const { uploadId } = await api.uploadImportFile({ name: "上年.md", dataBase64: readFileSync(FIXTURE).toString("base64") });
    const { report } = await api.importReport({ source: { uploadId }, rollForward: false });
    const hostile = `见 file://${secretCss} 及 url("file://${secretFont}") <b>加粗</b> 与 file://host/x.css 结束`;
    const withText: Report = {
      ...report,
      body: {
        ...report.body,
        content: [{ type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text: hostile }] }, ...report.body.content],
      },
    };
    const preview = await api.previewReport({ report: withText });
    const host = await startHttpHost({ dispatch, rendererDir: null, previews, token: "t" });
    try {
      const base = `http://127.0.0.1:${host.port}`;
      const html = await (await fetch(base + preview.url)).text();
      // The text stays text, escaped, with everything after it intact.
      expect(html).toContain(
        `见 file://${secretCss} 及 url(&quot;file://${secretFont}&quot;) &lt;b&gt;加粗&lt;/b&gt; 与 file://host/x.css 结束`,
      );
      const assets = [...html.matchAll(/\/preview\/[0-9a-f-]{36}\/asset\/\d+\.[a-z0-9]+/g)].map((m) => m[0]);
      expect(assets.length).toBeGreaterThan(1);
      for (const asset of new Set(assets)) {
        const body = await (await fetch(base + asset)).text();
        expect(body).not.toContain("SECRET");
      }
      // Asset numbers past the builder's list are unknown, whatever the text named.
      for (let n = assets.length; n < assets.length + 4; n++) {
        for (const ext of ["css", "ttf"]) expect((await fetch(`${base}${preview.url}/asset/${n}.${ext}`)).status).toBe(404);
      }
    } finally {
      await host.close();
    }
  });
});
