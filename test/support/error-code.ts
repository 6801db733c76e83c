import { NianbaoError } from "../../core/errors/nianbao-error";

/** The NianbaoError code a call failed with, or "none" when it succeeded. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NianbaoError) return error.code;
    throw error;
  }
  return "none";
}

/** The NianbaoError a call rejected with; fails the test when it succeeded or failed otherwise. */
export async function rejectionOf(promise: Promise<unknown>): Promise<NianbaoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NianbaoError) return error;
    throw error;
  }
  throw new Error("expected a NianbaoError, the call succeeded");
}

/** As rejectionOf, for a synchronous call. */
export function thrownBy(fn: () => unknown): NianbaoError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NianbaoError) return error;
    throw error;
  }
  throw new Error("expected a NianbaoError, the call succeeded");
}
