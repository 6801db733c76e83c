import { app, BrowserWindow, dialog, Menu, session, shell } from "electron";
import { randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { reportApi } from "../../core/api/contract";
import { createDispatcher } from "../../core/rpc/dispatcher";
import { createPathGuard } from "../../host/services/path-guard";
import { createRecentFiles } from "../../host/services/recent-files";
import { createHostServices } from "../../host/services/host-services";
import { COMMAND_CHANNEL, OPEN_PATH_CHANNEL } from "../channels";
import { APP_ENTRY_URL } from "./app-origin";
import { handleAppProtocol, registerAppScheme } from "./app-protocol";
import { electronDialogs } from "./dialogs";
import { registerIpc } from "./ipc";
import { menuTemplate } from "./menu-template";
import { electronPdfRenderer } from "./pdf";
import { reportPathFromArgv } from "./open-file-args";
import { hardenSession, hardenWebContents } from "./session-policy";
import { mainWindowOptions } from "./window-options";

registerAppScheme();

let mainWindow: BrowserWindow | null = null;
const pendingPaths: string[] = [];
/** Set once the path guard exists; a file the OS hands us makes its folder allowed. */
let allowFolder: (folder: string) => Promise<void> = async () => undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", (_event, argv, workingDirectory) => {
    const path = reportPathFromArgv(argv, workingDirectory);
    if (path !== null) openFromOs(path);
    if (mainWindow !== null) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on("open-file", (event, path) => {
    event.preventDefault();
    openFromOs(path);
  });
  const first = reportPathFromArgv(process.argv, process.cwd());
  if (first !== null) pendingPaths.push(first);
  app.on("web-contents-created", (_event, contents) => hardenWebContents(contents));
  app.on("window-all-closed", () => app.quit());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  const root = app.getAppPath();
  handleAppProtocol(join(root, "dist", "renderer"));

  const stateDir = app.getPath("userData");
  const documents = app.getPath("documents");
  const recent = createRecentFiles(stateDir);
  // Folders the user picked before (recent files) stay allowed, as does Documents.
  const guard = await createPathGuard([documents, ...new Set((await recent.list()).map((r) => dirname(r.path)))].filter(Boolean));
  allowFolder = guard.allow;
  const service = createHostServices({
    mode: "electron",
    guard,
    stateDir,
    clock: { now: () => new Date().toISOString(), newId: randomUUID },
    appVersion: app.getVersion(),
    dialogs: electronDialogs(documents),
    pdfRenderer: electronPdfRenderer(),
    reveal: async (path) => shell.showItemInFolder(path),
    templatesDir: join(root, "templates"),
  });
  registerIpc(createDispatcher(reportApi, service));

  const refreshMenu = async () => {
    const entries = (await recent.list()).map((r) => ({ path: r.path, title: r.title }));
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            command: (id) => mainWindow?.webContents.send(COMMAND_CHANNEL, id),
            openRecent: (path) => openFromOs(path),
            about: () =>
              void dialog.showMessageBox({
                title: "关于年报",
                message: `年报 ${app.getVersion()}`,
                detail: "法治政府建设年度报告编写工具。离线运行，不连接任何网络服务。",
              }),
            quit: () => app.quit(),
          },
          entries,
          process.platform === "darwin",
        ),
      ),
    );
  };
  await refreshMenu();
  app.on("browser-window-focus", () => void refreshMenu());

  // The three switches that matter most are restated where the window is made, so that neither an
  // edit of window-options.ts nor a static checker reading this file can miss them.
  const { webPreferences, ...windowOptions } = mainWindowOptions(join(__dirname, "preload.cjs"));
  mainWindow = new BrowserWindow({
    ...windowOptions,
    webPreferences: { ...webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  mainWindow.once("ready-to-show", () => mainWindow?.show());
  mainWindow.webContents.on("did-finish-load", flushPending);
  mainWindow.on("closed", () => (mainWindow = null));
  await mainWindow.loadURL(APP_ENTRY_URL);
}

/** A file the OS handed us: its folder becomes allowed, then the renderer opens it. */
function openFromOs(path: string): void {
  pendingPaths.push(path);
  if (mainWindow !== null && !mainWindow.webContents.isLoading()) flushPending();
}

function flushPending(): void {
  for (const path of pendingPaths.splice(0)) {
    void allowFolder(dirname(path)).then(
      () => mainWindow?.webContents.send(OPEN_PATH_CHANNEL, path),
      () => undefined,
    );
  }
}
