import type { BrowserWindowConstructorOptions } from "electron";

/**
 * The main window's settings (architecture.md §4.1). Exported as data so a test can hold every
 * security switch in place without starting Electron.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: "年报",
    backgroundColor: "#eceae6",
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows (electronegativity AUXCLICK).
      disableBlinkFeatures: "Auxclick",
    },
  };
}

/** The hidden window that prints PDFs: no preload, no scripts, nothing to attack. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, javascript: false },
  };
}
