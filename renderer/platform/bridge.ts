/** What the Electron preload exposes on `window.bridge`; absent in browser mode. */
export interface Bridge {
  invoke: (name: string, payload: unknown) => Promise<unknown>;
  /** Menu and shortcut commands from the native menu, by command id. */
  onCommand: (listener: (commandId: string) => void) => () => void;
  /** A .nianbao the OS asked the app to open (double-click, second instance, open-file). */
  onOpenPath: (listener: (path: string) => void) => () => void;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

export function currentBridge(): Bridge | null {
  return typeof window !== "undefined" && window.bridge !== undefined ? window.bridge : null;
}
