import { BrowserWindow } from "electron";
import { pathToFileURL } from "node:url";
import type { PdfRenderer } from "../../host/pdf/pdf-renderer";
import { printWindowOptions } from "./window-options";

/**
 * The export service's PDF port on Electron's own Chromium (the CLI uses a system Chromium).
 * Loads the print page from a file (not data: or setContent, which break @font-face, see
 * stack-notes.md §7) and lets @page set A4 and the GB/T 9704 margins.
 */
export function electronPdfRenderer(): PdfRenderer {
  return {
    render: async (printHtmlPath) => {
      const { webPreferences, ...windowOptions } = printWindowOptions();
      // As for the main window: the switches that matter most stay visible where the window is made.
      const win = new BrowserWindow({
        ...windowOptions,
        webPreferences: { ...webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, javascript: false },
      });
      try {
        await win.loadURL(pathToFileURL(printHtmlPath).href);
        const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
      }
    },
    // Each render opens and destroys its own window; nothing stays open between exports.
    close: async () => undefined,
  };
}
