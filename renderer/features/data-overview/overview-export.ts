import { CHART_FONT, CHART_WIDTH, LAST_YEAR_COLOR, THIS_YEAR_COLOR, type ChartYears } from "./overview-chart";

export interface ExportSection {
  heading: string;
  note?: string;
  chart: SVGSVGElement | null;
}

const PAD = 16;
const SVG_NS = "http://www.w3.org/2000/svg";

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/**
 * The panel's charts as one standalone SVG: title, legend, both charts and the fields not drawn,
 * so the file reads the same outside the app. Links and focus stops stay behind; they only work here.
 */
export function exportSvg(title: string, years: ChartYears, sections: readonly ExportSection[], lists: readonly string[]): string {
  const parts: string[] = [];
  let y = PAD + 18;
  parts.push(`<text x="${PAD}" y="${y}" font-size="18" font-weight="700">${escapeXml(title)}</text>`);
  y += 24;
  parts.push(
    `<rect x="${PAD}" y="${y - 10}" width="14" height="10" fill="${THIS_YEAR_COLOR}"/>`,
    `<text x="${PAD + 20}" y="${y}" font-size="12">${escapeXml(years.thisYear)}</text>`,
    `<rect x="${PAD + 90}" y="${y - 10}" width="14" height="10" fill="${LAST_YEAR_COLOR}"/>`,
    `<text x="${PAD + 110}" y="${y}" font-size="12">${escapeXml(years.lastYear)}</text>`,
  );
  y += 14;
  for (const section of sections) {
    if (section.chart === null) continue;
    y += 22;
    parts.push(`<text x="${PAD}" y="${y}" font-size="14" font-weight="700">${escapeXml(section.heading)}</text>`);
    if (section.note !== undefined) {
      for (const line of wrap(section.note, 38)) {
        y += 18;
        parts.push(`<text x="${PAD}" y="${y}" font-size="11" fill="#555">${escapeXml(line)}</text>`);
      }
    }
    y += 8;
    const chart = standalone(section.chart);
    chart.setAttribute("x", String(PAD));
    chart.setAttribute("y", String(y));
    parts.push(new XMLSerializer().serializeToString(chart));
    y += Number(chart.getAttribute("height") ?? 0);
  }
  for (const list of lists) {
    for (const line of wrap(list, 38)) {
      y += 20;
      parts.push(`<text x="${PAD}" y="${y}" font-size="12">${escapeXml(line)}</text>`);
    }
  }
  const width = CHART_WIDTH + 2 * PAD;
  const height = Math.ceil(y + PAD);
  return [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${CHART_FONT}' fill="#222">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...parts,
    `</svg>`,
  ].join("\n");
}

/**
 * A copy without the panel's focus stops and tooltips, and without Plot's stylesheet, whose
 * `height: auto` would resize a nested <svg>; the font stays on the root of the file.
 */
function standalone(chart: SVGSVGElement): SVGSVGElement {
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.querySelector(".overview-hit")?.remove();
  for (const tip of [...copy.querySelectorAll("title, style")]) tip.remove();
  copy.removeAttribute("class");
  copy.setAttribute("style", `font-size: 12px; overflow: visible`);
  return copy;
}

/** Marks that may not open a line (禁则): they stay at the end of the line before. */
const NO_LINE_START = /[、，。；：！？）」』”’%]/;

/** Chinese text has no spaces to break at: lines are cut by character count. */
function wrap(text: string, chars: number): string[] {
  const lines: string[][] = [];
  for (const glyph of text) {
    const line = lines.at(-1);
    if (line !== undefined && (line.length < chars || NO_LINE_START.test(glyph))) line.push(glyph);
    else lines.push([glyph]);
  }
  return lines.map((l) => l.join(""));
}

/** The SVG drawn on a canvas at twice its size: a PNG sharp on high-density screens and in Word. */
export async function svgToPngBase64(svg: string): Promise<string> {
  const image = new Image();
  // The page's CSP allows data: images and not blob: ones.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.naturalWidth * 2;
  canvas.height = image.naturalHeight * 2;
  const context = canvas.getContext("2d");
  if (context === null) throw new Error("canvas 2d context unavailable");
  context.scale(2, 2);
  context.drawImage(image, 0, 0);
  const url = canvas.toDataURL("image/png");
  return url.slice(url.indexOf(",") + 1);
}
