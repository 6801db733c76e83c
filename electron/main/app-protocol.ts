import { protocol } from "electron";
import { readStaticFile } from "../../host/http/static-files";
import { APP_HOST, APP_SCHEME } from "./app-origin";
import { appResponseHeaders } from "./session-policy";

/**
 * Must run before `app.ready`: app:// behaves like a secure, standard origin. codeCache: V8 keeps
 * the code it compiled for the bundle, so a later start does not compile a megabyte of script again.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from app://nianbao with the same CSP the loopback host sends. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await readStaticFile(rendererDir, url.pathname) : null;
    if (file === null) return new Response("未找到", { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: appResponseHeaders(file.type) });
  });
}
