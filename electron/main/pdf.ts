import { BrowserWindow } from "electron";
import { pathToFileURL } from "node:url";
import { printWindowOptions } from "./window-options";

/**
 * The PDF port as the export service will call it: print HTML on disk in, PDF bytes out. The
 * CLI's adapter uses playwright-core with system Chromium; this one Electron's own Chromium.
 */
export interface PdfRenderer {
  renderPdf: (printHtmlPath: string) => Promise<Uint8Array>;
}

/**
 * Loads the print page from a file (not data: or setContent, which break @font-face, see
 * stack-notes.md §7) and lets @page set A4 and the GB/T 9704 margins.
 */
export function electronPdfRenderer(): PdfRenderer {
  return {
    renderPdf: async (printHtmlPath) => {
      const win = new BrowserWindow(printWindowOptions());
      try {
        await win.loadURL(pathToFileURL(printHtmlPath).href);
        const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
      }
    },
  };
}
