import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

export interface PreviewFile {
  body: Buffer;
  type: string;
}

export interface PreviewPages {
  /**
   * Stores a print page and returns the host-relative URL it is served at. `assets` are the files
   * the page binds by file:// URL (the template's print.css, the font files), named by the code
   * that built the page; nothing else is ever served.
   */
  publish: (html: string, assets?: readonly string[]) => string;
  /** The page or one of its assets for a GET of `urlPath`; null when unknown. */
  read: (urlPath: string) => Promise<PreviewFile | null>;
}

export const PREVIEW_PREFIX = "/preview/";
/** Paged.js, the CSS paged-media polyfill that cuts the print page into sheets; served, never fetched from a CDN. */
const PAGED_SCRIPT_PATH = `${PREVIEW_PREFIX}paged.polyfill.js`;
/** Read by Paged.js before it starts (window.PagedConfig); a file because the preview's CSP allows no inline script. */
const PAGED_CONFIG_PATH = `${PREVIEW_PREFIX}paged-config.js`;
/** Names each sheet for screen readers and marks the document once every sheet is laid out. */
const PAGED_CONFIG = `window.PagedConfig = {
  after: function () {
    document.querySelectorAll(".pagedjs_page").forEach(function (sheet, i) {
      sheet.setAttribute("role", "region");
      sheet.setAttribute("aria-label", "第 " + (i + 1) + " 页");
    });
    document.documentElement.dataset.paged = "done";
  }
};
`;
/** A clerk looks at one preview at a time; older ones are dropped. */
const KEPT_PAGES = 3;
const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".ttc": "font/collection",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

interface Page {
  html: string;
  assets: string[];
}

/**
 * The print HTML binds its style sheet and fonts by file:// URL, which a page served over HTTP may
 * not load. Each published page gets an unguessable id; the URLs of the assets its builder named
 * are rewritten, where they stand as markup (`href="…"`, `url("…")`), to numbered asset URLs under
 * that id, and only those files are ever served. The report's text never names a file to serve:
 * it reaches the page HTML-escaped (a `"` is `&quot;`), so it cannot spell either form, and a
 * file:// URL in it stays text.
 */
export function createPreviewPages(): PreviewPages {
  const pages = new Map<string, Page>();
  return {
    publish: (html, named = []) => {
      const id = randomUUID();
      const assets = [...new Set(named)].filter((path) => TYPES[extname(path).toLowerCase()] !== undefined);
      let rewritten = html;
      assets.forEach((path, index) => {
        const href = pathToFileURL(path).href;
        const served = `${PREVIEW_PREFIX}${id}/asset/${index}${extname(path).toLowerCase()}`;
        rewritten = rewritten.replaceAll(`href="${href}"`, `href="${served}"`).replaceAll(`url("${href}")`, `url("${served}")`);
      });
      pages.set(id, { html: pagedSheets(rewritten), assets });
      for (const old of [...pages.keys()].slice(0, Math.max(0, pages.size - KEPT_PAGES))) pages.delete(old);
      return `${PREVIEW_PREFIX}${id}`;
    },
    read: async (urlPath) => {
      if (urlPath === PAGED_SCRIPT_PATH) {
        const body = await readFile(pagedPolyfillFile()).catch(() => null);
        return body === null ? null : { body, type: "text/javascript; charset=utf-8" };
      }
      if (urlPath === PAGED_CONFIG_PATH) return { body: Buffer.from(PAGED_CONFIG, "utf8"), type: "text/javascript; charset=utf-8" };
      const match = /^\/preview\/([0-9a-f-]{36})(?:\/asset\/(\d+)\.[a-z0-9]+)?$/.exec(urlPath);
      const page = match?.[1] === undefined ? undefined : pages.get(match[1]);
      if (match === null || page === undefined) return null;
      if (match[2] === undefined) return { body: Buffer.from(page.html, "utf8"), type: "text/html; charset=utf-8" };
      const path = page.assets[Number(match[2])];
      const type = path === undefined ? undefined : TYPES[extname(path).toLowerCase()];
      if (path === undefined || type === undefined) return null;
      const body = await readFile(path).catch(() => null);
      return body === null ? null : { body, type };
    },
  };
}

/** The package's exports map hides dist/, so the file is found beside its CommonJS entry (lib/index.cjs). */
function pagedPolyfillFile(): string {
  return join(dirname(dirname(createRequire(import.meta.url).resolve("pagedjs"))), "dist", "paged.polyfill.min.js");
}

/**
 * Paged.js lays the print page out in the browser the way Chromium prints it: the same @page size,
 * margins and margin boxes (the "— N —" page numbers of print.css), one sheet per page. On screen
 * the sheets sit on a grey desk, one under the other.
 */
function pagedSheets(html: string): string {
  // No @media screen: Paged.js rewrites the page's style sheets for print and drops screen-only rules; this page is never printed.
  const desk = `<style>html { background: #8a8a8a; } body { margin: 0; } .pagedjs_pages { display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 16px 0; } .pagedjs_pages .pagedjs_page { background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,.35); }</style>`;
  // Paged.js justifies the last line of every element it marks as split, whatever its alignment and
  // whichever piece it is: the end of a paragraph and the right-aligned 落款 came out stretched. As
  // in the PDF, only a piece that continues on the next sheet justifies its last line.
  const lastLines = `<style>[data-align-last-split-element] { text-align-last: auto !important; } [data-split-to][data-align-last-split-element] { text-align-last: justify !important; } .gw .signature { text-align-last: auto !important; }</style>`;
  return html.replace(
    "</head>",
    `${desk}\n${lastLines}\n<script src="${PAGED_CONFIG_PATH}"></script>\n<script src="${PAGED_SCRIPT_PATH}"></script>\n</head>`,
  );
}
