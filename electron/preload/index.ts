import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import { COMMAND_CHANNEL, INVOKE_CHANNEL, OPEN_PATH_CHANNEL } from "../channels";

// Sandboxed: only `electron` is available here; everything else is bundled in or absent.
const pendingOpen: string[] = [];
let openListener: ((path: string) => void) | null = null;
ipcRenderer.on(OPEN_PATH_CHANNEL, (_event: IpcRendererEvent, path: unknown) => {
  if (typeof path !== "string") return;
  if (openListener === null) pendingOpen.push(path);
  else openListener(path);
});

contextBridge.exposeInMainWorld("bridge", {
  invoke: (name: string, payload: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, name, payload),
  onCommand: (listener: (commandId: string) => void) => {
    const handler = (_event: IpcRendererEvent, id: unknown) => {
      if (typeof id === "string") listener(id);
    };
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
  },
  onOpenPath: (listener: (path: string) => void) => {
    openListener = listener;
    for (const path of pendingOpen.splice(0)) listener(path);
    return () => {
      openListener = null;
    };
  },
});
