import { request } from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpHost, type HttpHost } from "../../host/http/http-host";
import { createTestHost } from "../support/report-host";

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(
  host: HttpHost,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: host.port, path, method: options.method ?? "GET", headers: options.headers ?? {} },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("the loopback HTTP host", () => {
  let host: HttpHost;
  let rendererDir: string;
  let rpcHeaders: Record<string, string>;

  beforeAll(async () => {
    const service = await createTestHost();
    rendererDir = join(service.state, "renderer");
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, "index.html"), "<!doctype html><title>年报</title>");
    mkdirSync(join(rendererDir, "assets"));
    writeFileSync(join(rendererDir, "assets", "index-DXtRXWD0.js"), "console.log('年报');");
    writeFileSync(join(rendererDir, "assets", "settings.js"), "console.log('unhashed');");
    host = await startHttpHost({ dispatch: service.dispatch, rendererDir });
    rpcHeaders = { host: `127.0.0.1:${host.port}`, "content-type": "application/json", "x-nianbao-token": host.token };
  });
  afterAll(() => host.close());

  it("listens on 127.0.0.1 with a random port and prints a URL carrying the token in the fragment", () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it("answers an RPC call that carries the token", async () => {
    const reply = await send(host, "/rpc/listTemplates", { method: "POST", headers: rpcHeaders, body: "{}" });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body) as { ok: boolean; value: { id: string }[] };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.map((t) => t.id)).toContain("fazhi-zhengfu-niandu-baogao");
  });

  it("refuses RPC without the token or with a wrong one (401)", async () => {
    const { "x-nianbao-token": _token, ...noToken } = rpcHeaders;
    const missing = await send(host, "/rpc/listTemplates", { method: "POST", headers: noToken, body: "{}" });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    const wrong = await send(host, "/rpc/listTemplates", {
      method: "POST",
      headers: { ...rpcHeaders, "x-nianbao-token": "x".repeat(host.token.length) },
      body: "{}",
    });
    expect(wrong.status).toBe(401);
  });

  it("refuses a foreign Origin or Host even with the token (403)", async () => {
    const origin = await send(host, "/rpc/listTemplates", {
      method: "POST",
      headers: { ...rpcHeaders, origin: "http://evil.example" },
      body: "{}",
    });
    expect(origin.status).toBe(403);
    const otherPort = await send(host, "/rpc/listTemplates", {
      method: "POST",
      headers: { ...rpcHeaders, origin: `http://127.0.0.1:${host.port + 1}` },
      body: "{}",
    });
    expect(otherPort.status).toBe(403);
    const rebinding = await send(host, "/rpc/listTemplates", {
      method: "POST",
      headers: { ...rpcHeaders, host: `evil.example:${host.port}` },
      body: "{}",
    });
    expect(rebinding.status).toBe(403);
    const page = await send(host, "/", { headers: { host: "evil.example" } });
    expect(page.status).toBe(403);
  });

  it("accepts the page's own Origin", async () => {
    const reply = await send(host, "/rpc/hostInfo", {
      method: "POST",
      headers: { ...rpcHeaders, origin: `http://127.0.0.1:${host.port}` },
      body: "{}",
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: "browser", nativeDialogs: false } });
  });

  it("serves the renderer with a strict CSP and never files outside it", async () => {
    const page = await send(host, "/", { headers: { host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>年报</title>");
    expect(String(page.headers["content-security-policy"])).toContain("script-src 'self'");
    const escape = await send(host, "/..%2f..%2f..%2fetc%2fpasswd", { headers: { host: `127.0.0.1:${host.port}` } });
    expect(escape.body).not.toContain("root:");
  });

  it("lets the browser keep the hashed bundle across reloads, never the page itself", async () => {
    const headers = { host: `127.0.0.1:${host.port}` };
    const page = await send(host, "/", { headers });
    expect(page.headers["cache-control"]).toBe("no-store");
    const bundle = await send(host, "/assets/index-DXtRXWD0.js", { headers });
    expect(bundle.status).toBe(200);
    expect(bundle.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const unhashed = await send(host, "/assets/settings.js", { headers });
    expect(unhashed.headers["cache-control"]).toBe("no-store");
  });

  it("rejects invalid input and unknown methods with coded envelopes", async () => {
    const unknown = await send(host, "/rpc/deleteEverything", { method: "POST", headers: rpcHeaders, body: "{}" });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: "unknown_method" } });
    const bad = await send(host, "/rpc/newReport", {
      method: "POST",
      headers: rpcHeaders,
      body: JSON.stringify({ templateId: "fazhi-zhengfu-niandu-baogao", org: "", year: 2024 }),
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    const notJson = await send(host, "/rpc/hostInfo", { method: "POST", headers: rpcHeaders, body: "{" });
    expect(notJson.status).toBe(400);
  });

  it("keeps file paths inside the folders the user chose", async () => {
    const reply = await send(host, "/rpc/openReport", {
      method: "POST",
      headers: rpcHeaders,
      body: JSON.stringify({ path: "/etc/passwd" }),
    });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: "path_not_allowed" } });
  });

  it("sends nosniff on every response: 404, 405, 401, 403 and a bad request", async () => {
    const own = { host: `127.0.0.1:${host.port}` };
    const replies = [
      await send(host, "/no-such-file.js", { headers: own }),
      await send(host, "/", { method: "DELETE", headers: own }),
      await send(host, "/rpc/hostInfo", { method: "POST", headers: { ...rpcHeaders, "x-nianbao-token": "wrong" }, body: "{}" }),
      await send(host, "/", { headers: { host: "evil.example" } }),
      await send(host, "/rpc/hostInfo", { method: "POST", headers: rpcHeaders, body: "{" }),
      await send(host, "/open/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", { headers: own }),
    ];
    expect(replies.map((r) => r.status)).toEqual([404, 405, 401, 403, 400, 404]);
    for (const reply of replies) expect(reply.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("opens the app from a one-time address that carries no token and works once", async () => {
    const own = { host: `127.0.0.1:${host.port}` };
    const url = host.oneTimeUrl();
    expect(url).not.toContain(host.token);
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/open/[A-Za-z0-9_-]+$`));
    const path = new URL(url).pathname;
    const first = await send(host, path, { headers: own });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/#token=${host.token}`);
    const again = await send(host, path, { headers: own });
    expect(again.status).toBe(404);
    expect(again.body).toContain("已用过或已过期");
    expect(again.body).not.toContain(host.token);
  });

  it("answers a path outside the folders the same whether it exists or not", async () => {
    const replies = await Promise.all(
      ["/etc/passwd", "/etc/no-such-file", "/no-such-folder/x.nianbao", "/etc/no-such-folder/x.nianbao"].map(
        async (path) =>
          JSON.parse(
            (await send(host, "/rpc/openReport", { method: "POST", headers: rpcHeaders, body: JSON.stringify({ path }) })).body,
          ) as { error: { code: string } },
      ),
    );
    expect(replies.map((r) => r.error.code)).toEqual(["path_not_allowed", "path_not_allowed", "path_not_allowed", "path_not_allowed"]);
  });
});
