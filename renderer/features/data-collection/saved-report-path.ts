import { NianbaoError } from "../../../core/errors/nianbao-error";
import type { ReportStore } from "../../state/report-store";

/**
 * The report's file with every edit in it: 数据征集 reads and changes the file on the host (the
 * same use cases as `nianbao collect`), not the editor's copy, so unsaved edits are saved first.
 */
export async function savedReportPath(store: ReportStore): Promise<string> {
  const state = store.getState();
  if (state.path === null) {
    throw new NianbaoError(
      "invalid_input",
      "数据征集按已保存的报告进行：请先保存报告（Ctrl+S），再生成或读取数据征集表。",
      "the report has never been saved",
    );
  }
  if (state.status !== "clean") await state.save();
  return store.getState().path ?? state.path;
}
