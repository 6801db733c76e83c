import { describe, expect, it } from "vitest";
import { createReport } from "../../core/model/create-report";
import type { TableNode } from "../../core/model/doc";
import {
  cellLabel,
  clipboardBlock,
  inReadingOrder,
  isBlock,
  neighbour,
  pastePlan,
  tableGrid,
  type GridCell,
  type GridCellInput,
  type TableGrid,
} from "../../renderer/editor/extensions/statutory-table/table-grid";
import { fixedDeps } from "../support/deps";
import { xxgkTemplate } from "../support/template";

const template = xxgkTemplate();
const report = createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps());

/** The body's tables as the editor's grid reads them (header cells, labels, number cells). */
function bodyGrid(index: number): TableGrid {
  const tables = report.body.content.flatMap((n) => (n.type === "part" ? n.content.filter((b): b is TableNode => b.type === "table") : []));
  const table = tables[index];
  if (table === undefined) throw new Error(`no table ${index}`);
  return tableGrid(
    table.content.map((row) =>
      row.content.map((cell): GridCellInput => {
        const inline = cell.content.flatMap((p) => p.content ?? []);
        const atom = inline.find((n) => n.type === "reportField");
        const text = inline.map((n) => (n.type === "text" ? n.text : "")).join("");
        const span = { colspan: cell.attrs.colspan, rowspan: cell.attrs.rowspan };
        if (atom !== undefined && atom.type === "reportField") return { kind: "field", text: "", fieldId: atom.attrs.fieldId, ...span };
        return { kind: cell.type === "tableHeader" ? "header" : "label", text, fieldId: null, ...span };
      }),
    ),
  );
}

const t2 = bodyGrid(0);
const t3 = bodyGrid(1);
const cell = (grid: TableGrid, id: string): GridCell => {
  const found = grid.fields.find((c) => c.fieldId === id);
  if (found === undefined) throw new Error(`no cell ${id}`);
  return found;
};
const total = (c: GridCell) => report.fields[c.fieldId ?? ""]?.formula !== undefined;

describe("the grid of a statutory table", () => {
  it("names every number cell by its row labels and column headers, merged cells included", () => {
    expect(t3.width).toBe(10);
    expect(cellLabel(t3, cell(t3, "t3.deny_secret.natural"))).toBe("三、本年度办理结果 （三）不予公开 1.属于国家秘密 申请人情况 自然人");
    expect(cellLabel(t3, cell(t3, "t3.new.research"))).toBe("一、本年新收政府信息公开申请数量 申请人情况 法人或其他组织 科研机构");
    expect(cellLabel(t3, cell(t3, "t3.carry_out.total"))).toBe("四、结转下年度继续办理 申请人情况 总计");
    expect(cellLabel(t2, cell(t2, "t2.nds.valid"))).toBe("行政规范性文件 第二十条第（一）项 现行有效件数");
    expect(cellLabel(t2, cell(t2, "t2.coe.decisions"))).toBe("行政强制 第二十条第（六）项 本年处理决定数量");
  });

  it("moves like a spreadsheet: Enter down past headers, Tab across a row and on to the next, totals passed over when filling", () => {
    expect(neighbour(t3, cell(t3, "t3.new.natural"), "down", total)?.fieldId).toBe("t3.carry_in.natural");
    expect(neighbour(t3, cell(t3, "t3.new.natural"), "up")).toBeNull();
    expect(neighbour(t3, cell(t3, "t3.new.other_org"), "right")?.fieldId).toBe("t3.new.total");
    expect(neighbour(t3, cell(t3, "t3.new.other_org"), "right", total)).toBeNull();
    expect(inReadingOrder(t3, cell(t3, "t3.new.other_org"), 1, total)?.fieldId).toBe("t3.carry_in.natural");
    expect(inReadingOrder(t3, cell(t3, "t3.carry_in.natural"), -1, total)?.fieldId).toBe("t3.new.other_org");
    // Down a column of 表三 passes the computed （七）总计 row when filling, not when reading.
    expect(neighbour(t3, cell(t3, "t3.other_other.natural"), "down", total)?.fieldId).toBe("t3.carry_out.natural");
    expect(neighbour(t3, cell(t3, "t3.other_other.natural"), "down")?.fieldId).toBe("t3.result_total.natural");
    // 表二: from 规范性文件's 制发 column down to the next section's merged cell, over its two header rows.
    expect(neighbour(t2, cell(t2, "t2.nds.made"), "down")?.fieldId).toBe("t2.lic.decisions");
    expect(neighbour(t2, cell(t2, "t2.lic.decisions"), "up")?.fieldId).toBe("t2.nds.made");
  });

  it("reads a block copied from Excel or WPS and places it from the focused cell, or refuses it whole", () => {
    const text = "1\t2\t3\t4\t5\t6\t21\r\n0\t0\t1\t0\t0\t0\t1\r\n1\t1\t1\t1\t1\t1\t6\r\n";
    expect(isBlock(text)).toBe(true);
    expect(isBlock("12\n")).toBe(false);
    const block = clipboardBlock(text);
    expect(block).toHaveLength(3);
    const plan = pastePlan(t3, cell(t3, "t3.new.natural"), block);
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.targets.map((t) => `${t.cell.fieldId}=${t.text}`).slice(0, 8)).toEqual([
      "t3.new.natural=1",
      "t3.new.commercial=2",
      "t3.new.research=3",
      "t3.new.nonprofit=4",
      "t3.new.legal=5",
      "t3.new.other_org=6",
      "t3.new.total=21",
      "t3.carry_in.natural=0",
    ]);
    expect(plan.targets.at(-1)?.cell.fieldId).toBe("t3.open.total");
    const tooWide = pastePlan(t3, cell(t3, "t3.new.commercial"), block);
    expect(tooWide).toEqual({ ok: false, problem: expect.stringContaining("粘贴的内容有 3 行 7 列，从所选单元格起表格只有 25 行 6 列") });
  });
});
