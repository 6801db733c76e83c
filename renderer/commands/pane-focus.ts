import { useSessionStore } from "../state/session-store";

/** What a keyboard user can land on, in the order Tab visits it. */
export const FOCUSABLE =
  "input:not(:disabled):not([hidden]), select:not(:disabled), textarea:not(:disabled), button:not(:disabled), [href], [tabindex]:not([tabindex='-1'])";

/** The window's panes in F6 order, as in Word: the toolbar, the side panel, the text, the status bar. */
const PANES = [".toolbar", ".editor-side", ".page-scroll", ".status-bar"] as const;

/** The text gets the keyboard with ProseMirror's own caret (a plain focus() would lose it for a moment). */
export function focusEditor(options: { onlyIfNothingFocused?: boolean } = {}): void {
  const active = document.activeElement;
  if (options.onlyIfNothingFocused === true && active !== null && active !== document.body) return;
  const editor = useSessionStore.getState().editor;
  if (editor !== null && !editor.isDestroyed) editor.view.focus();
}

/** F6 / Shift+F6: the focus goes to the next (previous) pane. */
export function cyclePane(step: 1 | -1): void {
  const panes = PANES.map((selector) => document.querySelector<HTMLElement>(selector)).filter((p): p is HTMLElement => p !== null);
  if (panes.length === 0) return;
  const current = panes.findIndex((pane) => pane.contains(document.activeElement));
  const text = panes.findIndex((pane) => pane.matches(".page-scroll"));
  const from = current === -1 ? Math.max(text, 0) - step : current;
  const next = panes[(from + step + panes.length) % panes.length];
  if (next !== undefined) focusPane(next);
}

function focusPane(pane: HTMLElement): void {
  if (pane.matches(".page-scroll")) return focusEditor();
  pane.querySelector<HTMLElement>(FOCUSABLE)?.focus();
}

/**
 * After a keyboard command opened a side panel: the focus goes into it (its first entry, e.g. the
 * first finding of 检查), once React has drawn it.
 */
export function focusSidePanel(preferred?: string): void {
  // The preferred element may be a moment away (a panel that loads on demand, findings that
  // arrive from the checks worker): it is looked for each frame for up to three seconds.
  const until = performance.now() + 3000;
  const attempt = (): void => {
    const side = document.querySelector<HTMLElement>(".editor-side");
    const found = preferred === undefined ? null : (side?.querySelector<HTMLElement>(preferred) ?? null);
    if (found !== null) return found.focus();
    if (preferred !== undefined && performance.now() < until) {
      requestAnimationFrame(attempt);
      return;
    }
    side?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  };
  window.setTimeout(attempt, 0);
}
