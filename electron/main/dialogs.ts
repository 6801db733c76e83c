import { BrowserWindow, dialog } from "electron";
import type { OpenPurpose } from "../../core/api/contract";
import type { HostDialogs } from "../../host/services/report-service";

const FILTERS = [{ name: "年报文件", extensions: ["nianbao"] }];
const OPEN_DIALOGS: Record<OpenPurpose, { title: string; filters: { name: string; extensions: string[] }[] }> = {
  report: { title: "打开报告", filters: FILTERS },
  import: {
    title: "导入上年报告",
    filters: [{ name: "上年报告（Word、Markdown、文本、年报文件）", extensions: ["docx", "md", "txt", "nianbao"] }],
  },
  certificate: { title: "选择单位证书", filters: [{ name: "证书（.p12 / .pfx）", extensions: ["p12", "pfx"] }] },
};

/** Native open/save dialogs; whatever folder the user picks becomes allowed (report-service). */
export function electronDialogs(defaultFolder: string): HostDialogs {
  const parent = () => BrowserWindow.getFocusedWindow();
  return {
    chooseOpenPath: async (purpose) => {
      const options = { ...OPEN_DIALOGS[purpose], defaultPath: defaultFolder, properties: ["openFile" as const] };
      const win = parent();
      const result = win === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(win, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseSavePath: async (suggestedName) => {
      const options = {
        title: "保存报告",
        defaultPath: `${defaultFolder}/${suggestedName.replace(/[\\/:*?"<>|]/g, "_")}`,
        filters: FILTERS,
      };
      const win = parent();
      const result = win === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(win, options);
      if (result.canceled || result.filePath === undefined || result.filePath === "") return null;
      return result.filePath.endsWith(".nianbao") ? result.filePath : `${result.filePath}.nianbao`;
    },
  };
}
