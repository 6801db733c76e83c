import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { locateField } from "../../editor/locate";
import { fileNameOf } from "../../platform/host-path";
import { notifyError } from "../../state/notify-error";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { SaveTargetFields, useSaveTarget } from "../save-target/save-target";
import { dataOverview, type OverviewBar, type OverviewEntry, type OverviewScale } from "./overview-bars";
import { overviewChart, THIS_YEAR_COLOR, LAST_YEAR_COLOR, type ChartYears } from "./overview-chart";
import { exportSvg, svgToPngBase64 } from "./overview-export";
import "./data-overview.css";

const COUNT_NOTE = "数量单位各不相同，每项以本年、上年中较大者为满格，条长只在同一项内比较。";

const locate = (fieldId: string) => {
  const editor = useSessionStore.getState().editor;
  if (editor !== null) locateField(editor, fieldId);
};

/** 数据概览: this year's numbers against last year's, the biggest changes first, each bar leading to its field. */
export function DataOverviewPanel({ store }: { store: ReportStore }) {
  const fields = useReportStore(store, (s) => s.fields);
  const body = useReportStore(store, (s) => s.body);
  const reportYear = useReportStore(store, (s) => s.report.meta.reportYear);
  const title = useReportStore(store, (s) => s.report.meta.title);
  const overview = useMemo(() => dataOverview(body, fields), [body, fields]);
  const years = useMemo<ChartYears>(() => ({ thisYear: `${reportYear}年`, lastYear: `${reportYear - 1}年` }), [reportYear]);
  const rateChart = useRef<SVGSVGElement | null>(null);
  const countChart = useRef<SVGSVGElement | null>(null);
  const drawn = overview.rates.length + overview.counts.length;

  const lists = [
    ...(overview.unfilled.length > 0 ? [`未填：${overview.unfilled.map((e) => e.label).join("、")}`] : []),
    ...(overview.noLastYear.length > 0 ? [`无上年数：${overview.noLastYear.map((e) => e.label).join("、")}`] : []),
  ];
  const svgText = () =>
    exportSvg(
      `${title} 数据概览`,
      years,
      [
        { heading: "比率（%）", chart: rateChart.current },
        { heading: "数量", note: COUNT_NOTE, chart: countChart.current },
      ],
      lists,
    );

  return (
    <section className="side-panel data-overview" aria-label="数据概览">
      <header className="side-panel__header">
        <h2>数据概览</h2>
      </header>
      <p className="muted">本年与上年数值对照，变化最大的在前。点击某项可在正文中定位该字段。</p>
      {drawn > 0 && (
        <p className="data-overview__legend" aria-hidden="true">
          <span className="data-overview__swatch" style={{ background: THIS_YEAR_COLOR }} />
          {years.thisYear}
          <span className="data-overview__swatch" style={{ background: LAST_YEAR_COLOR }} />
          {years.lastYear}
        </p>
      )}
      {overview.rates.length > 0 && (
        <ChartSection heading="比率（%）" bars={overview.rates} scale="rate" years={years} chartRef={rateChart} />
      )}
      {overview.counts.length > 0 && (
        <ChartSection heading="数量" note={COUNT_NOTE} bars={overview.counts} scale="count" years={years} chartRef={countChart} />
      )}
      {drawn === 0 && <p className="side-panel__empty">还没有可对照的数值：填写本年数值，且上年有数值的字段才会画出。</p>}
      <EntryList heading="未填" entries={overview.unfilled} />
      <EntryList heading="无上年数" entries={overview.noLastYear} />
      {drawn > 0 && <ExportForm store={store} title={title} svgText={svgText} />}
    </section>
  );
}

function ChartSection(props: {
  heading: string;
  note?: string;
  bars: readonly OverviewBar[];
  scale: OverviewScale;
  years: ChartYears;
  chartRef: { current: SVGSVGElement | null };
}) {
  const holder = useRef<HTMLDivElement>(null);
  const { bars, scale, years, chartRef } = props;
  // Every edit of the text gives new arrays; the chart is drawn again only when what it shows
  // changed (`drawnAs` stands for `bars`), so a focused bar keeps its focus.
  const drawnAs = JSON.stringify(bars);
  useEffect(() => {
    const svg = overviewChart(bars, scale, years);
    holder.current?.replaceChildren(svg);
    chartRef.current = svg;
    return () => {
      if (chartRef.current === svg) chartRef.current = null;
    };
  }, [drawnAs, scale, years, chartRef]);
  const fieldOf = (event: MouseEvent | KeyboardEvent) =>
    (event.target as Element).closest("[data-field-id]")?.getAttribute("data-field-id");
  return (
    <section className="data-overview__chart" aria-label={props.heading}>
      <h3>{props.heading}</h3>
      {props.note !== undefined && <p className="muted data-overview__note">{props.note}</p>}
      <div
        ref={holder}
        onClick={(e) => {
          const id = fieldOf(e);
          if (id == null) return;
          // The bar is a link for the keyboard's sake; it never navigates.
          e.preventDefault();
          locate(id);
        }}
        onKeyDown={(e) => {
          const id = fieldOf(e);
          if (id == null || (e.key !== "Enter" && e.key !== " ")) return;
          e.preventDefault();
          locate(id);
        }}
      />
    </section>
  );
}

function EntryList({ heading, entries }: { heading: string; entries: readonly OverviewEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="data-overview__list" aria-label={heading}>
      <h3>
        {heading}（{entries.length}）
      </h3>
      <ul>
        {entries.map((e) => (
          <li key={e.fieldId}>
            <button type="button" className="link" title="在正文中定位" onClick={() => locate(e.fieldId)}>
              {e.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 导出 SVG / PNG into one of the folders the host may write, as the Word/PDF export does. */
function ExportForm({ store, title, svgText }: { store: ReportStore; title: string; svgText: () => string }) {
  const api = useSessionStore((s) => s.api);
  const reportPath = store.getState().path;
  const target = useSaveTarget(
    reportPath,
    () => `${reportPath === null ? title : fileNameOf(reportPath).replace(/\.nianbao$/i, "")}-数据概览`,
    ["svg", "png"],
  );
  const { folders, folder, cleanName, nameOk } = target;
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (api === null) return null;
  const save = async (format: "svg" | "png") => {
    setBusy(true);
    setSaved(null);
    try {
      const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
      const path = `${folder}${sep}${cleanName}.${format}`;
      const svg = svgText();
      const result =
        format === "svg"
          ? await api.saveChartImage({ format, path, svg })
          : await api.saveChartImage({ format, path, pngBase64: await svgToPngBase64(svg) });
      setSaved(result.path);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="data-overview__export" aria-label="导出图表">
      <h3>导出图表</h3>
      <SaveTargetFields target={target} nameLabel="图表文件名" />
      {folders.length === 0 && <p className="muted">请先保存报告：图表导出到报告所在的文件夹。</p>}
      <div className="data-overview__export-actions">
        <button type="button" disabled={busy || !nameOk || folder === ""} onClick={() => void save("svg")}>
          导出 SVG
        </button>
        <button type="button" disabled={busy || !nameOk || folder === ""} onClick={() => void save("png")}>
          导出 PNG
        </button>
      </div>
      {saved !== null && (
        <p role="status" aria-label="图表已导出">
          已导出：<code>{saved}</code>
        </p>
      )}
    </section>
  );
}
