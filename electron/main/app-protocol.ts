import { protocol } from "electron";
import { CONTENT_SECURITY_POLICY } from "../../host/http/content-security-policy";
import { readStaticFile } from "../../host/http/static-files";
import { APP_HOST, APP_SCHEME } from "./app-origin";

/** Must run before `app.ready`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from app://nianbao with the same CSP the loopback host sends. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await readStaticFile(rendererDir, url.pathname) : null;
    if (file === null) return new Response("未找到", { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { "content-type": file.type, "content-security-policy": CONTENT_SECURITY_POLICY, "x-content-type-options": "nosniff" },
    });
  });
}
