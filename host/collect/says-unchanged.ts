import { NianbaoError } from "../../core/errors/nianbao-error";

/**
 * Runs `step`, adding to any refusal that the report was left as it was (`zh`, `en`): what the
 * clerk needs to know next, said once even when a refusal passes through several steps.
 */
export async function saysUnchanged<T>(step: () => Promise<T>, zh = "报告未改动。", en = "the report was not changed"): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof NianbaoError) || error.zh.includes(zh.replace(/。$/, ""))) throw error;
    throw new NianbaoError(
      error.code,
      `${error.zh.replace(/[。；]?$/, "。")}${zh}`,
      `${error.message}; ${en}`,
      error.hint === null ? { cause: error } : { hint: error.hint, cause: error },
    );
  }
}
