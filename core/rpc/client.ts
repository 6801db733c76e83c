import type { z } from "zod";
import { NianbaoError } from "../errors/nianbao-error";
import type { ClientOf, Contract } from "../api/contract";
import { Envelope } from "./envelope";

/** Sends one call and returns the raw envelope; IPC, HTTP and in-process transports implement it. */
export type Transport = (name: string, payload: unknown) => Promise<unknown>;

/**
 * A typed client whose methods are exactly the contract's (no Proxy: an unknown name is a type
 * error, not a runtime surprise). Errors arrive as envelopes and are rethrown as NianbaoError.
 */
export function createClient<C extends Contract>(contract: C, transport: Transport): ClientOf<C> {
  const client: Partial<Record<keyof C, (input: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(contract) as (keyof C & string)[]) {
    const spec = contract[name];
    if (spec === undefined) continue;
    client[name] = async (input: unknown) => callOnce(spec.output, name, input, transport);
  }
  return client as ClientOf<C>;
}

async function callOnce(output: z.ZodType, name: string, input: unknown, transport: Transport): Promise<unknown> {
  const raw = await transport(name, input);
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) {
    throw new NianbaoError("internal", `与后台通信失败：${name} 的回复无法识别。`, `unrecognised reply to ${name}`);
  }
  if (!envelope.data.ok) {
    const { code, zh, en, hint } = envelope.data.error;
    throw new NianbaoError(code, zh, en, hint === null ? {} : { hint });
  }
  const value = output.safeParse(envelope.data.value);
  if (!value.success) {
    throw new NianbaoError("internal", `与后台通信失败：${name} 的回复不符合约定。`, `reply to ${name} does not match the contract`);
  }
  return value.data;
}
