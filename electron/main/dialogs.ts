import { BrowserWindow, dialog } from "electron";
import type { HostDialogs } from "../../host/services/report-service";

const FILTERS = [{ name: "年报文件", extensions: ["nianbao"] }];

/** Native open/save dialogs; whatever folder the user picks becomes allowed (report-service). */
export function electronDialogs(defaultFolder: string): HostDialogs {
  const parent = () => BrowserWindow.getFocusedWindow();
  return {
    chooseOpenPath: async () => {
      const options = { title: "打开报告", defaultPath: defaultFolder, filters: FILTERS, properties: ["openFile" as const] };
      const win = parent();
      const result = win === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(win, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseSavePath: async (suggestedName) => {
      const options = { title: "保存报告", defaultPath: `${defaultFolder}/${suggestedName.replace(/[\\/:*?"<>|]/g, "_")}`, filters: FILTERS };
      const win = parent();
      const result = win === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(win, options);
      if (result.canceled || result.filePath === undefined || result.filePath === "") return null;
      return result.filePath.endsWith(".nianbao") ? result.filePath : `${result.filePath}.nianbao`;
    },
  };
}
