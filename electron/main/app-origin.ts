/** The renderer's own origin: a privileged custom scheme, never a remote URL. */
export const APP_SCHEME = "app";
export const APP_HOST = "nianbao";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
