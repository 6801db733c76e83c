import { CONTENT_SECURITY_POLICY } from "../../host/http/content-security-policy";
import { isAppUrl } from "./ipc-guard";

/*
 * The security policy of every window and of the session (architecture.md §4): kept free of
 * `electron` imports and typed structurally, so a test holds it without starting Electron.
 */

/** An Electron event whose default action (a navigation, a webview) can be cancelled. */
export interface PreventableEvent {
  preventDefault: () => void;
}

export interface NavigationEvent extends PreventableEvent {
  url: string;
}

/** The parts of a WebContents the policy configures. */
export interface GuardedContents {
  on(event: "will-navigate", listener: (event: NavigationEvent) => void): unknown;
  on(event: "will-frame-navigate", listener: (event: NavigationEvent) => void): unknown;
  on(event: "will-redirect", listener: (event: NavigationEvent) => void): unknown;
  on(event: "will-attach-webview", listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: "deny" }): void;
}

/** The parts of a Session the policy configures. */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** Any navigation, redirect or frame navigation leaving app://nianbao is cancelled. */
export function guardNavigation(event: NavigationEvent): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/** Offline by design: no window, internal or external, is ever opened from page content. */
export function denyWindowOpen(): { action: "deny" } {
  return { action: "deny" };
}

/** The report editor needs no camera, location, notifications, clipboard reads or devices. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

export function hardenWebContents(contents: GuardedContents): void {
  contents.on("will-navigate", guardNavigation);
  contents.on("will-frame-navigate", guardNavigation);
  contents.on("will-redirect", guardNavigation);
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(denyWindowOpen);
}

export function hardenSession(session: GuardedSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
}

/** Headers of every app:// response: the same CSP the loopback host sends, and no sniffing. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return { "content-type": contentType, "content-security-policy": CONTENT_SECURITY_POLICY, "x-content-type-options": "nosniff" };
}
