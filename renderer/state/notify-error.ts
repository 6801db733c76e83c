import { NianbaoError } from "../../core/errors/nianbao-error";
import { useUiStore } from "./ui-store";

/** What the clerk reads for a failure: the Chinese message of a NianbaoError, else the raw text. */
export function errorText(error: unknown): string {
  return error instanceof NianbaoError ? error.zh : String(error);
}

/** Shows a failure in the notice bar. */
export function notifyError(error: unknown): void {
  useUiStore.getState().notify("error", errorText(error));
}
