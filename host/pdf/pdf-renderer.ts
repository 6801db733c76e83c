/**
 * Prints a file:// HTML page to PDF. Implemented by playwright-core over a system Chromium (CLI,
 * loopback host, tests) and by Electron's printToPDF in the app.
 */
export interface PdfRenderer {
  /** Renders `htmlPath` (loaded as file://) and returns the PDF bytes. */
  render(htmlPath: string): Promise<Uint8Array>;
  close(): Promise<void>;
}
