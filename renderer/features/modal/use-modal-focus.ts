import { inertOthers } from "aria-hidden";
import { useEffect, useRef, type RefObject } from "react";
import { FOCUSABLE, focusEditor } from "../../commands/pane-focus";

/**
 * A modal dialog as in Word: the focus moves into it (to `[data-autofocus]`, else its first
 * control), Tab stays in it (the rest of the page is inert; live regions such as notices stay
 * readable), Esc closes it, and on closing the focus goes back where it was — or to the text,
 * when that place is gone (the start page after an import).
 */
export function useModalFocus(dialog: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const restore = inertOthers([element, ...document.querySelectorAll("[aria-live]")]);
    (element.querySelector<HTMLElement>("[data-autofocus]") ?? element.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    // On the document: a button that was pressed and is now disabled (开始导出 while exporting)
    // drops the focus to the page, and Esc must still close the dialog.
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (!(event.target instanceof Node) || (event.target !== document.body && !element.contains(event.target))) return;
      event.preventDefault();
      close.current();
    };
    document.addEventListener("keydown", handleKeyDown);
    return () => {
      document.removeEventListener("keydown", handleKeyDown);
      restore();
      const inText = opener?.closest(".ProseMirror") != null;
      if (opener !== null && opener.isConnected && !inText) opener.focus();
      // The text (or a report opened just now) gets the keyboard back, with ProseMirror's own caret.
      else window.setTimeout(() => focusEditor({ onlyIfNothingFocused: !inText }), 0);
    };
  }, [dialog]);
}
