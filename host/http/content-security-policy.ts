/**
 * The renderer's CSP, shared by the loopback host (a response header) and Electron's app://
 * protocol. Styles stay 'unsafe-inline' because React and ProseMirror set style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // ws:/wss:: a team server on the unit's network (team mode); its address is the clerk's to give.
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
