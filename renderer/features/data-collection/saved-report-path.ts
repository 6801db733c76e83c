import { NianbaoError } from "../../../core/errors/nianbao-error";
import type { ReportStore } from "../../state/report-store";

const NEVER_SAVED = {
  collect: "数据征集按已保存的报告进行：请先保存报告（Ctrl+S），再生成或读取数据征集表。",
  rollup: "汇总各乡镇按已保存的报告进行：请先保存本报告（Ctrl+S），再汇总。",
} as const;

/**
 * The report's file with every edit in it: 数据征集 and 汇总各乡镇 read and change the file on the
 * host (the same use cases as `nianbao collect` and `nianbao rollup`), not the editor's copy, so
 * unsaved edits are saved first.
 */
export async function savedReportPath(store: ReportStore, purpose: keyof typeof NEVER_SAVED = "collect"): Promise<string> {
  const state = store.getState();
  if (state.path === null) throw new NianbaoError("invalid_input", NEVER_SAVED[purpose], "the report has never been saved");
  if (state.status !== "clean") await state.save();
  return store.getState().path ?? state.path;
}
