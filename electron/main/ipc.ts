import { ipcMain } from "electron";
import type { Dispatch } from "../../core/rpc/dispatcher";
import { fail } from "../../core/rpc/envelope";
import { INVOKE_CHANNEL } from "../channels";
import { isTrustedSender } from "./ipc-guard";

/** The one IPC handler: sender checked here, payload validated by the shared dispatcher. */
export function registerIpc(dispatch: Dispatch): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return fail("forbidden", "拒绝访问：请求不是来自年报窗口。", "untrusted IPC sender");
    }
    if (typeof name !== "string") return fail("unknown_method", "未知的操作。", "method name must be a string");
    return dispatch(name, payload);
  });
}
