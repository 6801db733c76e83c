import { APP_ORIGIN } from "./app-origin";

/** The parts of Electron's WebFrameMain the guard reads; kept structural so tests need no Electron. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * VS Code's validatedIpcMain checks, applied to every IPC message before zod sees its payload:
 * main frame only, and only our own app:// origin (architecture.md §4.2).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigin: string = APP_ORIGIN): boolean {
  if (frame === null || frame === undefined) return false;
  return frame.parent === null && isAppUrl(frame.url, trustedOrigin);
}

/** Whether a navigation target stays inside the app; anything else is blocked. */
export function isAppUrl(target: string, trustedOrigin: string = APP_ORIGIN): boolean {
  try {
    const url = new URL(target);
    return `${url.protocol}//${url.host}` === trustedOrigin;
  } catch {
    return false;
  }
}
