import { describe, expect, it } from "vitest";
import { z } from "zod";
import { method, type ServerOf } from "../../core/api/contract";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { createClient } from "../../core/rpc/client";
import { createDispatcher } from "../../core/rpc/dispatcher";

const contract = {
  add: method(z.object({ a: z.number(), b: z.number() }), z.object({ sum: z.number() })),
  broken: method(z.object({}), z.object({ n: z.number() })),
  fails: method(z.object({}), z.object({})),
};

const impl: ServerOf<typeof contract> = {
  add: async ({ a, b }) => ({ sum: a + b }),
  // A service bug: the wrong shape must not reach the caller.
  broken: async () => JSON.parse('{"n":"one"}') as { n: number },
  fails: async () => {
    throw new NianbaoError("not_found", "找不到文件", "file not found", { hint: "/tmp/x.bak" });
  },
};

describe("the dispatcher and client", () => {
  const dispatch = createDispatcher(contract, impl);
  const client = createClient(contract, (name, payload) => dispatch(name, structuredClone(payload)));

  it("round-trips a valid call", async () => {
    expect(await client.add({ a: 2, b: 3 })).toEqual({ sum: 5 });
  });

  it("validates input before the service runs", async () => {
    expect(await dispatch("add", { a: "2", b: 3 })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  it("validates output before the caller sees it", async () => {
    expect(await dispatch("broken", {})).toMatchObject({ ok: false, error: { code: "internal" } });
  });

  it("refuses unknown and inherited names", async () => {
    expect(await dispatch("toString", {})).toMatchObject({ ok: false, error: { code: "unknown_method" } });
    expect(await dispatch("__proto__", {})).toMatchObject({ ok: false, error: { code: "unknown_method" } });
  });

  it("carries error codes and both languages across, and the client rethrows them", async () => {
    const envelope = await dispatch("fails", {});
    expect(envelope).toEqual({ ok: false, error: { code: "not_found", zh: "找不到文件", en: "file not found", hint: "/tmp/x.bak" } });
    await expect(client.fails({})).rejects.toMatchObject({ code: "not_found", zh: "找不到文件", hint: "/tmp/x.bak" });
  });

  it("exposes exactly the contract's methods on the client", () => {
    expect(Object.keys(client).sort()).toEqual(["add", "broken", "fails"]);
  });
});
