import { existsSync } from "node:fs";
import { join } from "node:path";

/** Where Chromium, Chrome and Edge install themselves on Linux, Windows and macOS. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = env["NIANBAO_CHROMIUM"];
  const list: string[] = fromEnv !== undefined && fromEnv !== "" ? [fromEnv] : [];
  list.push(
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/microsoft-edge",
    "/snap/bin/chromium",
  );
  for (const base of [env["PROGRAMFILES"], env["PROGRAMFILES(X86)"], env["LOCALAPPDATA"]]) {
    if (base === undefined) continue;
    list.push(
      join(base, "Google", "Chrome", "Application", "chrome.exe"),
      join(base, "Microsoft", "Edge", "Application", "msedge.exe"),
      join(base, "Chromium", "Application", "chrome.exe"),
    );
  }
  list.push(
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  );
  return list;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  return chromiumCandidates(env).find((p) => existsSync(p)) ?? null;
}
