import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";

export interface PreviewFile {
  body: Buffer;
  type: string;
}

export interface PreviewPages {
  /** Stores a print page and returns the host-relative URL it is served at. */
  publish: (html: string) => string;
  /** The page or one of its assets for a GET of `urlPath`; null when unknown. */
  read: (urlPath: string) => Promise<PreviewFile | null>;
}

export const PREVIEW_PREFIX = "/preview/";
/** A clerk looks at one preview at a time; older ones are dropped. */
const KEPT_PAGES = 3;
const FILE_URL = /file:\/\/[^"')\s]+/g;
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
 * not load. Each published page gets an unguessable id; its file URLs are rewritten to numbered
 * asset URLs under that id, and only those files are ever served.
 */
export function createPreviewPages(): PreviewPages {
  const pages = new Map<string, Page>();
  return {
    publish: (html) => {
      const id = randomUUID();
      const assets: string[] = [];
      const rewritten = html.replace(FILE_URL, (url) => {
        const path = fileURLToPath(url);
        let index = assets.indexOf(path);
        if (index === -1) index = assets.push(path) - 1;
        return `${PREVIEW_PREFIX}${id}/asset/${index}${extname(path)}`;
      });
      pages.set(id, { html: onScreenSheet(rewritten), assets });
      for (const old of [...pages.keys()].slice(0, Math.max(0, pages.size - KEPT_PAGES))) pages.delete(old);
      return `${PREVIEW_PREFIX}${id}`;
    },
    read: async (urlPath) => {
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

/**
 * On screen the print page is one long column; this sets it on an A4-wide sheet with the print
 * margins of its own @page rule, so line breaks match the PDF (page breaks are the PDF's).
 */
function onScreenSheet(html: string): string {
  const margin = /@page \{ size: A4; margin: ([\d.]+mm [\d.]+mm [\d.]+mm [\d.]+mm); \}/.exec(html)?.[1];
  if (margin === undefined) return html;
  const sheet = `<style>@media screen { html { background: #8a8a8a; } body { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 16px auto; padding: ${margin}; background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,.35); } }</style>`;
  return html.replace("</head>", `${sheet}\n</head>`);
}
