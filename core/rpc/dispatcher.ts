import { NianbaoError, toErrorEnvelope } from "../errors/nianbao-error";
import type { Contract, ServerOf } from "../api/contract";
import { describeIssues } from "../model/zod-issues";
import { fail, ok, type Envelope } from "./envelope";

export type Dispatch = (name: string, payload: unknown) => Promise<Envelope>;

/**
 * Transport-agnostic: IPC, HTTP and in-process callers all go through this. Input is validated
 * before the service sees it and output before the caller does, so a service bug cannot leak
 * malformed data to the renderer.
 */
export function createDispatcher<C extends Contract>(contract: C, impl: ServerOf<C>): Dispatch {
  return async (name, payload) => {
    if (!Object.hasOwn(contract, name)) {
      return fail("unknown_method", `未知的操作：${name}`, `unknown method: ${name}`);
    }
    const spec = contract[name];
    // The input was just parsed with this very method's schema, which is what the handler expects.
    const handler = impl[name] as ((input: unknown) => Promise<unknown>) | undefined;
    if (spec === undefined || typeof handler !== "function") {
      return fail("unknown_method", `未知的操作：${name}`, `unknown method: ${name}`);
    }
    const input = spec.input.safeParse(payload);
    if (!input.success) {
      const detail = describeIssues(input.error);
      return fail("invalid_input", `输入有误：\n${detail}`, `invalid input for ${name}:\n${detail}`);
    }
    let result: unknown;
    try {
      result = await handler(input.data);
    } catch (error) {
      return { ok: false, error: toErrorEnvelope(error) };
    }
    const output = spec.output.safeParse(result);
    if (!output.success) {
      const detail = describeIssues(output.error);
      const error = new NianbaoError("internal", `内部错误：${name} 返回的数据不符合约定。`, `${name} returned invalid output:\n${detail}`);
      return { ok: false, error: toErrorEnvelope(error) };
    }
    return ok(output.data);
  };
}
