import { NianbaoError } from "../../core/api/errors";

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
