import { TextSelection } from "@tiptap/pm/state";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { applyParagraphStyle } from "../../commands/paragraph-style-command";
import { currentStyle, PARAGRAPH_STYLES, partAt } from "../../editor/paragraph-style";
import { isCarriedAt, markPartReviewed, markSelectionReviewed } from "../../editor/review-marks";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";

interface MenuItem {
  label: string;
  shortcut?: string;
  checked?: boolean;
  disabled?: boolean;
  run: () => void;
}

/**
 * The right-click menu of the text (also the Menu key and Shift+F10): the paragraph styles and
 * the review marks, as Word's context menu offers styles. Cut, copy and paste stay the
 * keyboard's and the native menu's: a page may not read the clipboard on its own.
 */
export function EditorContextMenu() {
  const editor = useSessionStore((s) => s.editor);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const menuRef = useRef<HTMLUListElement | null>(null);

  useEffect(() => {
    if (editor === null) return;
    const dom = editor.view.dom;
    const open = (event: MouseEvent) => {
      if (!editor.isEditable) return;
      event.preventDefault();
      // As in Word, a right click outside the selection first moves the caret there.
      const hit = event.button === 2 ? editor.view.posAtCoords({ left: event.clientX, top: event.clientY }) : null;
      const { from, to } = editor.state.selection;
      if (hit !== null && (hit.pos < from || hit.pos > to))
        editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(hit.pos))));
      const caret = editor.view.coordsAtPos(editor.state.selection.from);
      setAt(event.button === 2 ? { x: event.clientX, y: event.clientY } : { x: caret.left, y: caret.bottom });
    };
    dom.addEventListener("contextmenu", open);
    return () => dom.removeEventListener("contextmenu", open);
  }, [editor]);

  useEffect(() => {
    if (at === null) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"]), [role="menuitemradio"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!(event.target instanceof Node) || menuRef.current?.contains(event.target) !== true) setAt(null);
    };
    window.addEventListener("mousedown", close);
    return () => window.removeEventListener("mousedown", close);
  }, [at]);

  if (at === null || editor === null) return null;
  const style = currentStyle(editor.state);
  const part = partAt(editor.state.selection.$from);
  const done = (action: () => void) => () => {
    setAt(null);
    action();
    editor.view.focus();
  };
  const items: (MenuItem | "separator")[] = [
    ...PARAGRAPH_STYLES.map((s) => ({
      label: s.label,
      shortcut: s.shortcut,
      checked: style === s.style,
      disabled: style === null,
      run: () => applyParagraphStyle(editor, s.style),
    })),
    "separator",
    {
      label: "标为已审阅",
      disabled: !isCarriedAt(editor.state),
      run: () => {
        const { tr, cleared } = markSelectionReviewed(editor.state);
        if (cleared > 0) editor.view.dispatch(tr);
      },
    },
    {
      label: "本部分全部已审阅",
      disabled: part === null,
      run: () => {
        if (part === null) return;
        const { tr, cleared } = markPartReviewed(editor.state, part.index);
        if (cleared === 0) return useUiStore.getState().notify("info", "本部分没有待审阅的段落。");
        editor.view.dispatch(tr);
        useUiStore.getState().notify("info", `已将本部分 ${cleared} 段标为已审阅。撤销请按 Ctrl+Z。`);
      },
    },
  ];
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const entries = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []);
    const current = entries.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      event.preventDefault();
      setAt(null);
      editor.view.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = (current + (event.key === "ArrowDown" ? 1 : entries.length - 1)) % entries.length;
      entries[next]?.focus();
    }
  };
  return (
    <ul
      ref={menuRef}
      className="context-menu"
      role="menu"
      aria-label="段落"
      style={{ left: Math.min(at.x, window.innerWidth - 240), top: Math.min(at.y, window.innerHeight - 260) }}
      onKeyDown={onKeyDown}
    >
      {items.map((item, i) =>
        item === "separator" ? (
          <li key={`sep-${i}`} role="separator" className="context-menu__separator" />
        ) : (
          <li
            key={item.label}
            role={item.checked === undefined ? "menuitem" : "menuitemradio"}
            {...(item.checked === undefined ? {} : { "aria-checked": item.checked })}
            aria-disabled={item.disabled === true}
            tabIndex={-1}
            className="context-menu__item"
            onMouseDown={(e) => e.preventDefault()}
            onClick={item.disabled === true ? undefined : done(item.run)}
            onKeyDown={(e) => {
              if ((e.key === "Enter" || e.key === " ") && item.disabled !== true) {
                e.preventDefault();
                done(item.run)();
              }
            }}
          >
            <span>
              {item.checked === true ? "✓ " : ""}
              {item.label}
            </span>
            {item.shortcut !== undefined && <span className="context-menu__shortcut">{item.shortcut}</span>}
          </li>
        ),
      )}
    </ul>
  );
}
