import type { Node as PmNode } from "@tiptap/pm/model";
import { memo, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import { changeField } from "../../../../core/edits/change-field";
import { NianbaoError } from "../../../../core/errors/nianbao-error";
import type { Finding } from "../../../../core/checks/finding";
import type { Field } from "../../../../core/model/field";
import { formatValue } from "../../../../core/fields/format-field";
import { isEditable } from "../../../../core/workflow/assert-editable";
import { lockedMessage } from "../../../state/locked-message";
import { useReportStore, type ReportStore } from "../../../state/report-store";
import { useSessionStore } from "../../../state/session-store";
import { useUiStore } from "../../../state/ui-store";
import { useFindings } from "../../../state/report-analysis";
import {
  cellLabel,
  clipboardBlock,
  inReadingOrder,
  isBlock,
  neighbour,
  pastePlan,
  tableGrid,
  type Direction,
  type GridCell,
  type GridCellInput,
  type TableGrid,
} from "./table-grid";

export interface StatutoryTableProps {
  store: ReportStore;
  node: PmNode;
  tableId: string;
  /** Gives the keyboard back to the text, before or after the table. */
  leave: (side: "before" | "after") => void;
  /** The view's way to put the keyboard in the table: its first row's first cell, or its last row's. */
  focusRef: { current: ((side: "top" | "bottom") => void) | null };
}

/** The body's table node as grid cells: headers, row labels and number cells, merged as stored. */
export function gridInput(node: PmNode): GridCellInput[][] {
  const rows: GridCellInput[][] = [];
  node.forEach((row) => {
    const cells: GridCellInput[] = [];
    row.forEach((cell) => {
      let fieldId: string | null = null;
      cell.descendants((inner) => {
        if (fieldId === null && inner.type.name === "reportField") fieldId = String(inner.attrs["fieldId"]);
        return fieldId === null;
      });
      const span = { colspan: Number(cell.attrs["colspan"] ?? 1), rowspan: Number(cell.attrs["rowspan"] ?? 1) };
      if (fieldId !== null) cells.push({ kind: "field", text: "", fieldId, ...span });
      else cells.push({ kind: cell.type.name === "tableHeader" ? "header" : "label", text: cell.textContent, fieldId: null, ...span });
    });
    rows.push(cells);
  });
  return rows;
}

interface CellMark {
  severity: Finding["severity"];
  messages: string[];
}

/** The template rules' findings by cell: what the table marks (the 检查 panel lists the rest). */
function marksByField(findings: readonly Finding[]): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  for (const finding of findings) {
    if (finding.rule === undefined) continue;
    for (const id of finding.fields ?? []) {
      const mark = marks.get(id);
      if (mark === undefined) marks.set(id, { severity: finding.severity, messages: [finding.message] });
      else {
        mark.messages.push(finding.message);
        if (finding.severity === "error") mark.severity = "error";
      }
    }
  }
  return marks;
}

const notify = (kind: "info" | "error", text: string) => useUiStore.getState().notify(kind, text);

/**
 * A statutory table (表二、表三、表四) as a spreadsheet inside the document: the labels and merged
 * cells exactly as the body holds them (so what the clerk fills is what export prints), one input
 * per number cell, totals read-only. Every value goes through core's changeField via the unified
 * history, the path of the field popover, so rules of input, undo and the totals are the same.
 */
export function StatutoryTable({ store, node, tableId, leave, focusRef }: StatutoryTableProps) {
  const template = useReportStore(store, (s) => s.template);
  const fields = useReportStore(store, (s) => s.fields);
  const editable = useReportStore(store, (s) => isEditable(s.report));
  const findings = useFindings(store);
  const marks = useMemo(() => marksByField(findings), [findings]);
  const grid = useMemo(() => tableGrid(gridInput(node)), [node]);
  const labels = useMemo(() => new Map(grid.fields.map((c) => [c, cellLabel(grid, c)])), [grid]);
  const table = template.tables.find((t) => t.id === tableId);
  const headerRows = table?.headerRows ?? 0;
  const tableRef = useRef<HTMLTableElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const inputOf = (fieldId: string): HTMLInputElement | null =>
    tableRef.current?.querySelector<HTMLInputElement>(`input[data-field-id="${CSS.escape(fieldId)}"]`) ?? null;
  const focusCell = (cell: GridCell | null | undefined): boolean => {
    const input = cell?.fieldId == null ? null : inputOf(cell.fieldId);
    if (input === null) return false;
    input.focus();
    input.scrollIntoView({ block: "nearest", inline: "nearest" });
    return true;
  };
  focusRef.current = (side) => {
    const typed = grid.fields.filter((c) => fields[c.fieldId ?? ""]?.formula === undefined);
    const row = side === "top" ? typed[0]?.row : typed.at(-1)?.row;
    focusCell(typed.find((c) => c.row === row) ?? grid.fields[0]);
  };

  // A finding clicked in 检查 (or a field located from 字段) selects its cells here.
  const seenSelection = useRef(useUiStore.getState().cellSelection?.serial ?? 0);
  const cellSelection = useUiStore((s) => s.cellSelection);
  useEffect(() => {
    if (cellSelection === null || cellSelection.serial === seenSelection.current) return;
    seenSelection.current = cellSelection.serial;
    const mine = cellSelection.fieldIds.filter((id) => grid.fields.some((c) => c.fieldId === id));
    if (mine.length === 0) return;
    setSelected(new Set(mine));
    const first = inputOf(mine[0] ?? "");
    first?.focus();
    first?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [cellSelection, grid]);

  const isComputed = (cell: GridCell) => fields[cell.fieldId ?? ""]?.formula !== undefined;

  /** Moves the keyboard on; at the table's top or bottom edge, back into the text. */
  const go = (from: GridCell, direction: Direction, skipTotals: boolean): void => {
    const next = neighbour(grid, from, direction, skipTotals ? isComputed : undefined);
    if (next !== null) focusCell(next);
    else if (direction === "up") leave("before");
    else if (direction === "down") leave("after");
  };

  const paste = (from: GridCell, text: string): void => {
    const history = useSessionStore.getState().history;
    if (history === null) return;
    if (!editable) return notify("error", lockedMessage(store.getState().report) ?? "报告已冻结，不能修改。");
    const plan = pastePlan(grid, from, clipboardBlock(text));
    if (!plan.ok) return notify("error", plan.problem);
    const current = store.getState().fields;
    const changes: Field[] = [];
    const totals: string[] = [];
    const problems: string[] = [];
    for (const { cell, text: value } of plan.targets) {
      const field = current[cell.fieldId ?? ""];
      if (field === undefined) continue;
      // A block copied with its 总计 column: the totals are computed here, not pasted.
      if (field.formula !== undefined) {
        if (value !== "") totals.push(field.id);
        continue;
      }
      try {
        const next = changeField(field, { fieldId: field.id, input: value });
        if (JSON.stringify(next) !== JSON.stringify(field)) changes.push(next);
      } catch (error) {
        if (!(error instanceof NianbaoError)) throw error;
        const prefix = `${field.id}（${field.label}）：`;
        problems.push(`${cellLabel(grid, cell)}：${error.zh.startsWith(prefix) ? error.zh.slice(prefix.length) : error.zh}`);
      }
    }
    if (problems.length > 0) {
      const more = problems.length > 3 ? `等 ${problems.length} 处` : "";
      return notify("error", `粘贴未进行，表格未改动：${problems.slice(0, 3).join("；")}${more}。请改正后重新复制粘贴。`);
    }
    // One clerk action, one undo step.
    const applied = changes.filter((field) => history.editField(field)).length;
    history.groupLast(applied);
    const after = store.getState().fields;
    const differing = totals.filter((id) => {
      const pasted = plan.targets.find((t) => t.cell.fieldId === id)?.text;
      return pasted !== undefined && pasted.replace(/,/g, "") !== (after[id]?.value ?? "");
    });
    notify(
      differing.length > 0 ? "error" : "info",
      `已粘贴 ${plan.targets.length - totals.length} 个单元格。` +
        (differing.length > 0
          ? `合计栏由各项自动计算，粘贴内容中有 ${differing.length} 个合计与计算结果不同，已按计算结果显示，请核对原表。`
          : totals.length > 0
            ? "合计栏由各项自动计算，未粘贴。"
            : ""),
    );
  };

  const typedCells = grid.fields.map((c) => fields[c.fieldId ?? ""]).filter((f): f is Field => f !== undefined && f.formula === undefined);
  const blank = typedCells.filter((f) => f.value === null).length;
  const toConfirm = typedCells.filter((f) => f.value !== null && f.status !== "confirmed");
  /** 确认 every filled cell of this table at once: one clerk action, one undo step. */
  const confirmAll = () => {
    const history = useSessionStore.getState().history;
    if (history === null || toConfirm.length === 0) return;
    const confirmed = toConfirm.map((f) => changeField(f, { fieldId: f.id, confirm: true })).filter((f) => history.editField(f)).length;
    history.groupLast(confirmed);
    if (confirmed > 0) notify("info", `已确认${table?.name ?? "本表"}的 ${confirmed} 个数字。`);
  };

  // Read by the cells when a key is pressed: a stable object, so a change of one field redraws one cell.
  const actions = useRef<CellActions>({ go, paste, focusCell, isComputed, focused: () => undefined });
  actions.current = {
    go,
    paste,
    focusCell,
    isComputed,
    focused: (cell) => {
      if (selected.size > 0 && !selected.has(cell.fieldId ?? "")) setSelected(new Set());
    },
  };
  const cellProps = (cell: GridCell) => ({
    cell,
    grid,
    field: fields[cell.fieldId ?? ""],
    label: labels.get(cell) ?? "",
    mark: marks.get(cell.fieldId ?? ""),
    selected: selected.has(cell.fieldId ?? ""),
    editable,
    actions,
  });

  const renderRow = (row: GridCell[], r: number) => (
    <tr key={r}>
      {row.map((cell) => {
        const span = {
          ...(cell.colspan > 1 ? { colSpan: cell.colspan } : {}),
          ...(cell.rowspan > 1 ? { rowSpan: cell.rowspan } : {}),
        };
        const key = `${cell.row}-${cell.col}`;
        if (cell.kind === "header")
          return (
            <th key={key} scope={cell.colspan > 1 ? "colgroup" : "col"} {...span}>
              {cell.text}
            </th>
          );
        if (cell.kind === "label")
          return (
            <th key={key} scope={cell.rowspan > 1 ? "rowgroup" : "row"} className="statutory-table__label" {...span}>
              {cell.text}
            </th>
          );
        return <NumberCell key={key} {...cellProps(cell)} />;
      })}
    </tr>
  );

  const weights = table?.columnWeights;
  const totalWeight = weights?.reduce((a, b) => a + b, 0) ?? 1;
  return (
    <>
      <div className="statutory-table__bar">
        <span className="statutory-table__name">{table?.name}</span>
        <span className="statutory-table__counts">
          {blank > 0 ? `${blank} 格未填` : "各格已填"}
          {toConfirm.length > 0 ? `，${toConfirm.length} 格未确认` : ""}
        </span>
        {toConfirm.length > 0 && editable && (
          <button type="button" onClick={confirmAll} title="确认本表中已填写的数字（合计随之确认），可撤销">
            确认本表数字
          </button>
        )}
      </div>
      <table ref={tableRef} className="statutory-table__grid" aria-label={table?.name ?? "表格"}>
        {weights !== undefined && (
          <colgroup>
            {weights.map((w, i) => (
              <col key={i} style={{ width: `${((w / totalWeight) * 100).toFixed(2)}%` }} />
            ))}
          </colgroup>
        )}
        {headerRows > 0 && <thead>{grid.rows.slice(0, headerRows).map((row, r) => renderRow(row, r))}</thead>}
        <tbody>{grid.rows.slice(headerRows).map((row, r) => renderRow(row, r + headerRows))}</tbody>
      </table>
      <p className="statutory-table__hint">
        Enter 下移，Tab 右移（Shift 反向），方向键移动，直接输入即替换，F2 修改，Esc 取消，Ctrl+Enter 确认数值；可从 Excel/WPS
        复制整块数字粘贴。合计自动计算。
      </p>
    </>
  );
}

interface CellActions {
  go: (from: GridCell, direction: Direction, skipTotals: boolean) => void;
  paste: (from: GridCell, text: string) => void;
  focusCell: (cell: GridCell | null) => boolean;
  isComputed: (cell: GridCell) => boolean;
  focused: (cell: GridCell) => void;
}

interface NumberCellProps {
  cell: GridCell;
  grid: TableGrid;
  field: Field | undefined;
  label: string;
  mark: CellMark | undefined;
  selected: boolean;
  editable: boolean;
  actions: { current: CellActions };
}

/**
 * One number cell, with a spreadsheet's habits: focused, its value is selected so typing replaces
 * it and the arrows move between cells; F2 or a double click edits inside the value instead.
 */
const NumberCell = memo(function NumberCell({ cell, grid, field, label, mark, selected, editable, actions }: NumberCellProps) {
  const span = {
    ...(cell.colspan > 1 ? { colSpan: cell.colspan } : {}),
    ...(cell.rowspan > 1 ? { rowSpan: cell.rowspan } : {}),
  };
  const [draft, setDraft] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [refused, setRefused] = useState(false);
  const computed = field?.formula !== undefined;
  const stored = field?.value ?? "";
  const shown = draft ?? stored;

  /** Applies the typed value (or confirms it); false when core refused it and the clerk was told. */
  const commit = (confirm = false): boolean => {
    const history = useSessionStore.getState().history;
    if (field === undefined || history === null) return true;
    if (draft === null && !confirm) return true;
    if (computed) {
      setDraft(null);
      if (confirm) notify("info", "合计由各项数字自动计算，各项都确认后合计即为已确认。");
      return true;
    }
    const input = draft ?? stored;
    const ok = history.changeField({
      fieldId: field.id,
      ...(draft === null || draft === stored ? {} : { input }),
      ...(confirm ? { confirm: true } : {}),
    });
    setRefused(!ok);
    if (ok) setDraft(null);
    return ok;
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const { key, shiftKey, ctrlKey, metaKey, altKey } = event;
    const mod = ctrlKey || metaKey;
    const move = (direction: Direction, skipTotals: boolean) => {
      event.preventDefault();
      if (commit()) {
        setEditing(false);
        actions.current.go(cell, direction, skipTotals);
      }
    };
    if (event.nativeEvent.isComposing) return;
    if (key === "Enter" && mod) {
      event.preventDefault();
      if (commit(true)) setEditing(false);
      return;
    }
    if (key === "Enter") return move(shiftKey ? "up" : "down", true);
    if (key === "Tab") {
      const next = inReadingOrder(grid, cell, shiftKey ? -1 : 1, actions.current.isComputed);
      // Past the last cell Tab leaves the table as usual: the keyboard is never trapped.
      if (next === null) {
        commit();
        return;
      }
      event.preventDefault();
      if (commit()) {
        setEditing(false);
        actions.current.focusCell(next);
      }
      return;
    }
    if (key === "ArrowUp" || key === "ArrowDown") return move(key === "ArrowUp" ? "up" : "down", false);
    if ((key === "ArrowLeft" || key === "ArrowRight") && !editing && !shiftKey) return move(key === "ArrowLeft" ? "left" : "right", false);
    if (key === "F2") {
      event.preventDefault();
      setEditing(true);
      const input = event.currentTarget;
      input.setSelectionRange(input.value.length, input.value.length);
      return;
    }
    if (key === "Escape") {
      if (draft === null && !editing) return;
      event.preventDefault();
      event.stopPropagation();
      // The restored value is selected before the next key is read: selected a frame later, it
      // would swallow what a quick clerk typed in between ("1.5" became ".5").
      flushSync(() => {
        setDraft(null);
        setEditing(false);
        setRefused(false);
      });
      event.currentTarget.select();
      return;
    }
    // A command of the app (Ctrl+S 保存, Ctrl+E 导出…) acts on the value typed here, as in a spreadsheet.
    if (mod && !["z", "y", "Z", "a", "c", "v", "x"].includes(key) && draft !== null) commit();
    if (mod && !altKey && (key === "z" || key === "y" || key === "Z") && draft === null) {
      // Nothing typed to take back in this cell: the report's own undo, as in the text.
      event.preventDefault();
      const history = useSessionStore.getState().history;
      if (key === "y" || (key === "Z" && shiftKey)) history?.redo();
      else history?.undo();
      return;
    }
    if (computed && key.length === 1 && !mod) {
      event.preventDefault();
      notify("info", `“${label}”是合计，由各项数字自动计算，不能直接填写。`);
    }
  };

  const handlePaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData("text/plain");
    if (!isBlock(text)) return;
    event.preventDefault();
    setDraft(null);
    actions.current.paste(cell, text);
  };

  const classes = [
    "statutory-table__cell",
    computed ? "is-computed" : "",
    mark === undefined ? "" : `is-${mark.severity}`,
    selected ? "is-selected" : "",
    refused ? "is-refused" : "",
    field !== undefined && field.value !== null && field.status !== "confirmed" && !computed ? "is-unconfirmed" : "",
  ]
    .filter((c) => c !== "")
    .join(" ");
  const lastYear = field?.lastYear == null ? null : formatValue({ ...field.lastYear, decimals: field.decimals });
  const title = [
    label,
    computed ? "合计，自动计算" : field?.value != null && field.status !== "confirmed" ? "未确认（Ctrl+Enter 确认）" : "",
    lastYear === null ? "" : `上年：${lastYear}`,
    ...(mark?.messages ?? []),
  ]
    .filter((t) => t !== "")
    .join("\n");
  return (
    <td className={classes} title={title} {...span}>
      <input
        data-field-id={cell.fieldId ?? ""}
        aria-label={label}
        aria-readonly={computed || !editable ? true : undefined}
        aria-invalid={mark?.severity === "error" || refused ? true : undefined}
        aria-description={mark === undefined ? undefined : mark.messages.join("；")}
        readOnly={computed || !editable}
        // Totals are read with the arrows; Tab goes from one cell to fill to the next, and out.
        tabIndex={computed ? -1 : undefined}
        inputMode={field?.constraints?.maxDecimals === 0 ? "numeric" : "decimal"}
        autoComplete="off"
        spellCheck={false}
        value={shown}
        onChange={(e) => {
          setDraft(e.target.value);
          setRefused(false);
        }}
        onFocus={(e) => {
          actions.current.focused(cell);
          setEditing(false);
          e.currentTarget.select();
        }}
        onBlur={() => {
          commit();
          setEditing(false);
        }}
        onDoubleClick={() => setEditing(!computed)}
        onKeyDown={handleKeyDown}
        onPaste={handlePaste}
      />
    </td>
  );
});
