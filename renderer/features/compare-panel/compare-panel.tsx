import { useDeferredValue, useMemo, useState } from "react";
import { compareWithLastYear, type ParagraphComparison, type ParagraphStatus } from "../../../core/compare/compare-with-last-year";
import { planChecklist, type PlanChecklistItem } from "../../../core/compare/plan-checklist";
import { pointAtPath } from "../../editor/locate";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";

const STATUS_NAMES: Record<ParagraphStatus, string> = { new: "新增", changed: "改写", unchanged: "未改动", removed: "已删除" };
const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** 上年对照: this year's text against last year's, and last year's plans with this year's answers. */
export function ComparePanel({ store }: { store: ReportStore }) {
  const lastYear = useReportStore(store, (s) => s.report.lastYear);
  const body = useDeferredValue(useReportStore(store, (s) => s.body));
  const report = useReportStore(store, (s) => s.report);
  const [hideUnchanged, setHideUnchanged] = useState(true);
  const comparison = useMemo(() => (lastYear === null ? null : compareWithLastYear(body, lastYear.body)), [body, lastYear]);
  const plans = useMemo(() => planChecklist(report), [report]);
  if (comparison === null) {
    return (
      <section className="side-panel" aria-label="上年对照">
        <header className="side-panel__header">
          <h2>上年对照</h2>
        </header>
        <p className="side-panel__empty">此报告不含上年报告的内容。用“导入上年报告”以上年报告为基础新建的报告才能对照。</p>
      </section>
    );
  }
  const shown = comparison.paragraphs.filter((p) => !hideUnchanged || p.status !== "unchanged");
  return (
    <section className="side-panel" aria-label="上年对照">
      <header className="side-panel__header">
        <h2>上年对照</h2>
      </header>
      <p>
        与上年相同的文字占 <strong>{percent(comparison.unchangedRatio)}</strong>
        {comparison.unchangedRatio > 0.5 ? "，内容雷同较多，请结合本年工作改写。" : "。"}
      </p>
      <label className="side-panel__filter">
        <input type="checkbox" checked={hideUnchanged} onChange={(e) => setHideUnchanged(e.target.checked)} />
        隐藏未改动的段落
      </label>
      <div className="compare-columns" aria-hidden="true">
        <span>本年</span>
        <span>上年</span>
      </div>
      <ol className="compare-list" aria-label="段落对照">
        {shown.map((p, i) => (
          <ParagraphDiff key={`${p.path?.join(".") ?? "x"}-${p.lastYearPath?.join(".") ?? "x"}-${i}`} paragraph={p} />
        ))}
        {shown.length === 0 && <li className="muted">没有改动的段落。</li>}
      </ol>
      <h3>
        上年计划落实情况（{plans.filter((p) => p.status !== "open").length}/{plans.length}）
      </h3>
      <ol className="plan-list" aria-label="上年计划">
        {plans.map((item) => (
          <PlanItem key={item.key} item={item} store={store} />
        ))}
        {plans.length === 0 && <li className="muted">上年报告中未识别到下一年度的安排。</li>}
      </ol>
    </section>
  );
}

/** One paragraph as this year / last year side by side: insertions marked on the left, deletions on the right. */
function ParagraphDiff({ paragraph }: { paragraph: ParagraphComparison }) {
  const path = paragraph.path;
  const name = `${STATUS_NAMES[paragraph.status]}${paragraph.split === true ? "（拆分自上年段落）" : ""}`;
  return (
    <li className={`compare-item compare-item--${paragraph.status}`}>
      <button
        type="button"
        className="link compare-item__jump"
        disabled={path === null}
        title={name}
        onClick={() => path !== null && jumpToBlock(path)}
      >
        {paragraph.split === true ? "拆分" : STATUS_NAMES[paragraph.status]}
      </button>
      <div className="compare-pair">
        <div aria-label="本年">
          {paragraph.status === "removed" ? (
            <span className="muted">（本年已删除）</span>
          ) : (
            paragraph.diff.map((segment, i) =>
              segment.kind === "insert" ? (
                <ins key={i}>{segment.text}</ins>
              ) : segment.kind === "delete" ? null : (
                <span key={i}>{segment.text}</span>
              ),
            )
          )}
        </div>
        <div aria-label="上年">
          {paragraph.status === "new" ? (
            <span className="muted">（上年没有）</span>
          ) : (
            paragraph.diff.map((segment, i) =>
              segment.kind === "delete" ? (
                <del key={i}>{segment.text}</del>
              ) : segment.kind === "insert" ? null : (
                <span key={i}>{segment.text}</span>
              ),
            )
          )}
        </div>
      </div>
    </li>
  );
}

function PlanItem({ item, store }: { item: PlanChecklistItem; store: ReportStore }) {
  const [reason, setReason] = useState(item.reason ?? "");
  const [asking, setAsking] = useState(false);
  const linkToCaret = () => {
    const editor = useSessionStore.getState().editor;
    if (editor === null) return;
    const { $from } = editor.state.selection;
    if ($from.depth < 1) return useUiStore.getState().notify("info", "请先把光标放在正文中说明此项落实情况的段落里。");
    const path = Array.from({ length: $from.depth }, (_, d) => $from.index(d));
    const quote = $from.parent.textContent.slice(0, 80);
    store.getState().decidePlan(item.key, { status: "addressed", link: { path, quote }, reason: null });
  };
  return (
    <li className={`plan-item plan-item--${item.status}`}>
      <p>{item.text}</p>
      {item.status === "addressed" && item.link !== null && (
        <button type="button" className="link" onClick={() => item.link !== null && jumpToBlock(item.link.path)}>
          已落实：{item.link.quote}
        </button>
      )}
      {item.status === "notDone" && <p className="muted">未落实：{item.reason}</p>}
      <div className="plan-item__actions">
        <button type="button" onClick={linkToCaret}>
          链接到光标处
        </button>
        <button type="button" onClick={() => setAsking(true)}>
          标为未落实
        </button>
        {item.status !== "open" && (
          <button type="button" onClick={() => store.getState().decidePlan(item.key, null)}>
            撤销
          </button>
        )}
      </div>
      {asking && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() === "") return;
            store.getState().decidePlan(item.key, { status: "notDone", link: null, reason: reason.trim() });
            setAsking(false);
          }}
        >
          <label>
            未落实的原因
            <textarea aria-label="未落实的原因" value={reason} maxLength={2000} rows={2} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" disabled={reason.trim() === ""}>
            确定
          </button>
        </form>
      )}
    </li>
  );
}

/** Puts the caret in the body block at these child indexes (a paragraph's place in the comparison or a plan's link). */
function jumpToBlock(indexes: readonly number[]): void {
  const editor = useSessionStore.getState().editor;
  if (editor !== null) pointAtPath(editor, ["body", ...indexes.flatMap((i) => ["content", i])]);
}
