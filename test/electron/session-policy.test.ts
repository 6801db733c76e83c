import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  appResponseHeaders,
  hardenSession,
  hardenWebContents,
  type GuardedContents,
  type NavigationEvent,
  type PreventableEvent,
} from "../../electron/main/session-policy";
import { mainWindowOptions, printWindowOptions } from "../../electron/main/window-options";
import { repoRoot } from "../support/template";

/** The permission names the installed Electron's typings list for a session handler. */
function electronPermissions(method: "setPermissionRequestHandler" | "setPermissionCheckHandler"): string[] {
  const typings = readFileSync(join(repoRoot, "node_modules/electron/electron.d.ts"), "utf8");
  const line = typings.split("\n").find((l) => l.trimStart().startsWith(`${method}(handler:`));
  const union = line === undefined ? undefined : /permission: ((?:'[^']+'(?: \| )?)+)/.exec(line)?.[1];
  return union === undefined ? [] : [...union.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? "");
}

type Listener = (event: NavigationEvent) => void;

/** A WebContents that records what the policy wires, so the test can fire the events itself. */
function recordingContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: (() => { action: string }) | null = null;
  const contents: GuardedContents = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  /** Fires `event` for `url`; true when some listener cancelled it. */
  const fire = (event: string, url: string): boolean => {
    let prevented = false;
    const navigation = { url, preventDefault: () => (prevented = true) };
    for (const listener of listeners.get(event) ?? []) listener(navigation);
    return prevented;
  };
  return { contents, fire, listeners, openWindow: () => openHandler?.() };
}

const FOREIGN = [
  "https://example.com/",
  "http://127.0.0.1:8080/",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "app://nianbao.evil/index.html",
  "app://evil/index.html",
  "data:text/html,<script>alert(1)</script>",
  "about:blank",
];

describe("the Electron window and session policy", () => {
  it("denies every permission Electron can ask for, asked or checked, and every device", () => {
    const handlers: {
      request?: (c: unknown, p: string, cb: (granted: boolean) => void) => void;
      check?: (c: unknown, p: string) => boolean;
      device?: (d: unknown) => boolean;
    } = {};
    hardenSession({
      setPermissionRequestHandler: (h) => (handlers.request = h),
      setPermissionCheckHandler: (h) => (handlers.check = h),
      setDevicePermissionHandler: (h) => (handlers.device = h),
    });
    const requested = electronPermissions("setPermissionRequestHandler");
    const checked = electronPermissions("setPermissionCheckHandler");
    expect(requested).toEqual(
      expect.arrayContaining(["media", "geolocation", "notifications", "openExternal", "clipboard-read", "fileSystem"]),
    );
    expect(checked).toEqual(expect.arrayContaining(["hid", "serial", "usb", "media"]));

    for (const permission of requested) {
      const answers: boolean[] = [];
      handlers.request?.(null, permission, (granted) => answers.push(granted));
      expect({ permission, answers }).toEqual({ permission, answers: [false] });
    }
    for (const permission of checked)
      expect({ permission, granted: handlers.check?.(null, permission) }).toEqual({ permission, granted: false });
    expect(handlers.device?.({ deviceType: "usb", origin: "app://nianbao" })).toBe(false);
  });

  it("opens no window from page content, not even one of the app's own", () => {
    const recorded = recordingContents();
    hardenWebContents(recorded.contents);
    expect(recorded.openWindow()).toEqual({ action: "deny" });
  });

  it("cancels every navigation, frame navigation and redirect away from app://nianbao, and every webview", () => {
    const recorded = recordingContents();
    hardenWebContents(recorded.contents);
    for (const event of ["will-navigate", "will-frame-navigate", "will-redirect"]) {
      for (const url of FOREIGN) expect({ event, url, prevented: recorded.fire(event, url) }).toEqual({ event, url, prevented: true });
      expect(recorded.fire(event, "app://nianbao/index.html#/report")).toBe(false);
    }
    const attach: PreventableEvent & { prevented: boolean } = { prevented: false, preventDefault: () => (attach.prevented = true) };
    for (const listener of recorded.listeners.get("will-attach-webview") ?? [])
      listener({ url: "app://nianbao/", preventDefault: attach.preventDefault });
    expect(attach.prevented).toBe(true);
  });

  it("serves app:// pages with a CSP that allows only the app's own scripts", () => {
    const headers = appResponseHeaders("text/html; charset=utf-8");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    const csp = new Map(
      (headers["content-security-policy"] ?? "").split(";").map((d) => {
        const [name = "", ...values] = d.trim().split(/\s+/);
        return [name, values.join(" ")] as const;
      }),
    );
    expect(Object.fromEntries(csp)).toMatchObject({
      "default-src": "'self'",
      "script-src": "'self'",
      // ws:/wss:: the team server, whose address the clerk gives (team mode).
      "connect-src": "'self' ws: wss:",
      "object-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'none'",
      "frame-ancestors": "'none'",
    });
    // No wildcard, no remote origin, no eval, in any directive.
    for (const [name, value] of csp) expect(value, name).not.toMatch(/\*|unsafe-eval|https?:|wasm-unsafe/);
  });

  it("keeps every security switch of both windows in place", () => {
    const prefs = mainWindowOptions("/app/dist/electron/preload.cjs").webPreferences;
    expect(prefs).toMatchObject({
      preload: "/app/dist/electron/preload.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: "Auxclick",
    });
    expect(prefs?.experimentalFeatures).not.toBe(true);
    const print = printWindowOptions().webPreferences;
    expect(print).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, javascript: false });
    expect(print?.preload).toBeUndefined();
  });
});
