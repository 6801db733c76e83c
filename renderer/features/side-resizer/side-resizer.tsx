import { useEffect, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useUiStore, type SidePanel } from "../../state/ui-store";
import "./side-resizer.css";

const MIN_WIDTH = 240;
/** The page column keeps at least this much room. */
const MIN_PAGE_ROOM = 420;
const STEP = 16;
const BIG_STEP = 80;
/** The widths the panels open at before the clerk drags them. */
const DEFAULT_WIDTHS: Record<SidePanel, number> = { outline: 340, fields: 340, checks: 340, signoff: 340, compare: 600, overview: 540 };
const WIDE_FIELDS = 980;

function maxWidth(): number {
  return Math.max(MIN_WIDTH, window.innerWidth - MIN_PAGE_ROOM);
}

function clamp(width: number): number {
  return Math.round(Math.min(maxWidth(), Math.max(MIN_WIDTH, width)));
}

/** The side column's width now: dragged, else 加宽's, else the panel's own. */
export function useSideWidth(panel: SidePanel): number {
  const dragged = useUiStore((s) => s.sideWidths[panel]);
  const wide = useUiStore((s) => s.fieldsWide);
  const [, setViewport] = useState(0);
  useEffect(() => {
    // The limits follow the window.
    const onResize = () => setViewport(window.innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  if (dragged !== undefined) return clamp(dragged);
  if (panel === "fields" && wide) return clamp(Math.min(WIDE_FIELDS, window.innerWidth * 0.68));
  return clamp(DEFAULT_WIDTHS[panel]);
}

/**
 * The border between the side panel and the page: drag it, or focus it and use ←/→ (Shift for
 * bigger steps, Home/End for the narrowest and widest), as with Word's navigation pane. A
 * hand-written separator: the ARIA pattern is a few lines and no library fits the store.
 */
export function SideResizer({ panel, width }: { panel: SidePanel; width: number }) {
  const set = (next: number) => useUiStore.getState().setSideWidth(panel, clamp(next));
  const handlePointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = width;
    const move = (e: globalThis.PointerEvent) => set(startWidth + e.clientX - startX);
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      handle.removeEventListener("pointercancel", up);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
    handle.addEventListener("pointercancel", up);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next =
      event.key === "ArrowRight"
        ? width + step
        : event.key === "ArrowLeft"
          ? width - step
          : event.key === "Home"
            ? MIN_WIDTH
            : event.key === "End"
              ? maxWidth()
              : null;
    if (next === null) return;
    event.preventDefault();
    set(next);
  };
  return (
    <div
      className="side-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="调整侧栏宽度"
      aria-valuenow={width}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={maxWidth()}
      title="拖动或用 ←/→ 键调整侧栏宽度"
      tabIndex={0}
      onPointerDown={handlePointerDown}
      onKeyDown={handleKeyDown}
    />
  );
}
