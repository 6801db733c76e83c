import * as Plot from "@observablehq/plot";
import { changeText, type OverviewBar, type OverviewScale } from "./overview-bars";

/** The UI's font stack: the chart text, and the PNG drawn from it, use the fonts the app shows. */
export const CHART_FONT = 'system-ui, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';
export const CHART_WIDTH = 480;
export const THIS_YEAR_COLOR = "#2f6db5";
export const LAST_YEAR_COLOR = "#b7c2cf";

const FONT_SIZE = 12;
/** One field's rows: its label above, this year's and last year's bars below. */
const STEP = 56;
const LABEL_ROOM = 0.42;
const MARGIN_TOP = 26;
const MARGIN_RIGHT = 92;

export interface ChartYears {
  thisYear: string;
  lastYear: string;
}

/**
 * One chart of either scale. Rates share a true 0–100% axis. Counts mix 件, 万元 and 人次 of every
 * size, so each field's pair is drawn against the larger of its two years: the bars compare the
 * years of one field, the printed values carry the magnitudes.
 */
export function overviewChart(bars: readonly OverviewBar[], scale: OverviewScale, years: ChartYears): SVGSVGElement {
  const rate = scale === "rate";
  const length = (b: OverviewBar, value: number) => (rate ? value : value / Math.max(Math.abs(b.thisYear), Math.abs(b.lastYear), 1e-9));
  const rows = bars.flatMap((b) => [
    { id: b.fieldId, year: years.thisYear, x: length(b, b.thisYear), text: b.thisText },
    { id: b.fieldId, year: years.lastYear, x: length(b, b.lastYear), text: b.lastText },
  ]);
  const top = rate ? Math.max(100, ...rows.map((r) => r.x)) : 1;
  // A negative amount (a deficit) draws left of zero instead of off the chart.
  const bottom = Math.min(0, ...rows.map((r) => r.x));
  const marginBottom = rate ? 30 : 6;
  const height = MARGIN_TOP + marginBottom + STEP * (bars.length - LABEL_ROOM);
  const chars = Math.floor((CHART_WIDTH - 70) / FONT_SIZE);
  const svg = Plot.plot({
    width: CHART_WIDTH,
    height,
    marginTop: MARGIN_TOP,
    marginRight: MARGIN_RIGHT,
    marginBottom,
    marginLeft: 4,
    style: { fontFamily: CHART_FONT, fontSize: `${FONT_SIZE}px`, color: "#222", background: "#fff", overflow: "visible" },
    fy: { domain: bars.map((b) => b.fieldId), axis: null, paddingInner: LABEL_ROOM, paddingOuter: 0 },
    y: { domain: [years.thisYear, years.lastYear], axis: null, paddingInner: 0.12, paddingOuter: 0.04 },
    x: rate
      ? { domain: [bottom, top], axis: "bottom", ticks: 5, tickFormat: (d: number) => `${d}%`, label: null, grid: true }
      : { domain: [bottom, 1], axis: null },
    color: { domain: [years.thisYear, years.lastYear], range: [THIS_YEAR_COLOR, LAST_YEAR_COLOR] },
    marks: [
      Plot.barX(rows, { fy: "id", y: "year", x1: 0, x2: "x", fill: "year", ariaHidden: "true" }),
      Plot.text(rows, {
        fy: "id",
        y: "year",
        x: "x",
        text: "text",
        textAnchor: "start",
        dx: 5,
        fill: "#222",
        ariaHidden: "true",
      }),
      Plot.text(bars, {
        fy: "fieldId",
        text: "label",
        frameAnchor: "top-left",
        textAnchor: "start",
        lineAnchor: "bottom",
        dy: -5,
        fontWeight: 600,
        lineWidth: chars,
        textOverflow: "ellipsis-end",
        ariaHidden: "true",
      }),
      Plot.text(bars, {
        fy: "fieldId",
        text: (b: OverviewBar) => changeText(b.change),
        frameAnchor: "top-right",
        textAnchor: "end",
        lineAnchor: "bottom",
        dx: MARGIN_RIGHT - 4,
        dy: -5,
        fill: (b: OverviewBar) => (b.change > 0 ? "#b3261e" : b.change < 0 ? "#1d6b3a" : "#555"),
        ariaHidden: "true",
      }),
      // The whole row, label included, is the bar a clerk clicks or tabs to.
      Plot.barX(bars, {
        fy: "fieldId",
        x1: bottom,
        x2: top,
        insetTop: -22,
        insetRight: -MARGIN_RIGHT + 2,
        fill: "transparent",
        href: (b: OverviewBar) => `#${b.fieldId}`,
        title: (b: OverviewBar) => `${b.label}\n${years.thisYear}：${b.thisText}\n${years.lastYear}：${b.lastText}`,
        className: "overview-hit",
      }),
    ],
  });
  if (!(svg instanceof SVGSVGElement)) throw new Error("Plot drew a figure where an SVG was expected");
  makeBarsReachable(svg, bars, years);
  return svg;
}

/** Each row becomes one keyboard stop named for a screen reader: label, this year, last year. */
function makeBarsReachable(svg: SVGSVGElement, bars: readonly OverviewBar[], years: ChartYears): void {
  const byId = new Map(bars.map((b) => [b.fieldId, b]));
  for (const link of svg.querySelectorAll(".overview-hit a")) {
    const href = link.getAttribute("href") ?? link.getAttributeNS("http://www.w3.org/1999/xlink", "href") ?? "";
    const bar = byId.get(href.slice(1));
    if (bar === undefined) continue;
    link.setAttribute("data-field-id", bar.fieldId);
    link.setAttribute("role", "button");
    link.setAttribute("tabindex", "0");
    link.setAttribute(
      "aria-label",
      `${bar.label}：${years.thisYear} ${bar.thisText}，${years.lastYear} ${bar.lastText}，${changeText(bar.change)}`,
    );
  }
}
