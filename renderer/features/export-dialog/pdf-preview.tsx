import { useEffect, useRef, useState } from "react";
import type { PDFDocumentProxy, PDFWorker } from "pdfjs-dist";
import "./pdf-preview.css";

interface Sheet {
  /** Width and height in PDF points (A4: 595 × 842). */
  width: number;
  height: number;
}

type State = { kind: "loading" } | { kind: "sheets"; sheets: Sheet[] } | { kind: "failed"; message: string };

/**
 * 打印预览: the PDF itself, drawn by pdf.js sheet by sheet with its text laid over each sheet
 * (selectable, and read by screen readers), so that what the clerk sees is what the file holds.
 * Every sheet is in place at its size at once; a sheet is drawn when it comes into view, as in any
 * PDF viewer, and the preview says it is ready once the sheets in view are drawn.
 */
export function PdfPreview({ pdfBase64 }: { pdfBase64: string }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [ready, setReady] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const doc = useRef<PDFDocumentProxy | null>(null);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: "loading" });
    setReady(false);
    void (async () => {
      try {
        const pdfjs = await import("pdfjs-dist");
        const data = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
        // No eval: the app's CSP allows scripts from itself only.
        const loaded = await pdfjs.getDocument({ data, isEvalSupported: false, worker: await sharedWorker() }).promise;
        const pages = await Promise.all(Array.from({ length: loaded.numPages }, (_, i) => loaded.getPage(i + 1)));
        const sheets: Sheet[] = pages.map((page) => {
          const { width, height } = page.getViewport({ scale: 1 });
          return { width, height };
        });
        if (cancelled) {
          await loaded.destroy();
          return;
        }
        doc.current = loaded;
        setState({ kind: "sheets", sheets });
      } catch (error) {
        if (!cancelled) setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
      void doc.current?.destroy();
      doc.current = null;
    };
  }, [pdfBase64]);

  useEffect(() => {
    const root = list.current;
    const loaded = doc.current;
    if (state.kind !== "sheets" || root === null || loaded === null) return;
    let queue = Promise.resolve();
    let first = true;
    const observer = new IntersectionObserver(
      (entries) => {
        const due = entries.filter((e) => e.isIntersecting && e.target instanceof HTMLElement && e.target.dataset["drawn"] === undefined);
        // The sheets on screen first, then those just below it (drawn ahead of the scroll).
        const view = root.getBoundingClientRect();
        const inView = (e: IntersectionObserverEntry) => e.boundingClientRect.top < view.bottom && e.boundingClientRect.bottom > view.top;
        const ordered = [...due.filter(inView), ...due.filter((e) => !inView(e))];
        const shown = due.filter(inView).length;
        ordered.forEach((entry, index) => {
          const sheet = entry.target as HTMLElement;
          sheet.dataset["drawn"] = "pending";
          // One sheet at a time: the worker and the main thread stay free for scrolling.
          queue = queue.then(() => drawSheet(loaded, sheet).catch(() => undefined));
          if (first && index === shown - 1) void queue.then(() => setReady(true));
        });
        if (first && shown === 0) void queue.then(() => setReady(true));
        first = false;
      },
      { root, rootMargin: "400px 0px" },
    );
    for (const sheet of root.querySelectorAll<HTMLElement>(".pdf-sheet")) observer.observe(sheet);
    return () => observer.disconnect();
  }, [state]);

  if (state.kind === "failed") return <p className="error">无法显示预览：{state.message}</p>;
  return (
    <div
      ref={list}
      className="pdf-preview"
      role="document"
      aria-label="打印预览"
      aria-busy={!ready}
      data-preview={ready ? "ready" : "loading"}
      tabIndex={0}
    >
      {state.kind === "sheets" &&
        state.sheets.map((s, i) => (
          <div
            key={i}
            className="pdf-sheet"
            role="region"
            aria-label={`第 ${i + 1} 页`}
            data-page={i + 1}
            style={{ aspectRatio: `${s.width} / ${s.height}` }}
          />
        ))}
    </div>
  );
}

let worker: Promise<PDFWorker> | null = null;

/** One pdf.js worker for the session: a preview after the first does not start another. */
function sharedWorker(): Promise<PDFWorker> {
  worker ??= import("pdfjs-dist").then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url).href;
    return new pdfjs.PDFWorker();
  });
  return worker;
}

/**
 * Draws one sheet into its box at the screen's resolution; resolves once the drawing shows, while
 * the page's text is laid over it (data-drawn="true" when both are in place).
 */
async function drawSheet(doc: PDFDocumentProxy, sheet: HTMLElement): Promise<void> {
  const pdfjs = await import("pdfjs-dist");
  const page = await doc.getPage(Number(sheet.dataset["page"]));
  const cssScale = sheet.clientWidth / page.getViewport({ scale: 1 }).width;
  const viewport = page.getViewport({ scale: cssScale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.setAttribute("aria-hidden", "true");
  const context = canvas.getContext("2d");
  if (context === null) return;
  await page.render({ canvas, canvasContext: context, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  sheet.replaceChildren(canvas);
  const text = document.createElement("div");
  text.className = "textLayer";
  sheet.style.setProperty("--scale-factor", String(cssScale));
  void new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport })
    .render()
    .then(() => {
      sheet.append(text);
      sheet.dataset["drawn"] = "true";
    })
    .catch(() => undefined);
}
