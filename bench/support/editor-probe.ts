/*
 * What the editor benchmark runs inside the page. Playwright sends these functions as source
 * text, so each is self-contained: no imports, no helpers from outside its own body.
 */

/** What the open report must show before it counts as open (from the report the bench saved). */
export interface OpenTarget {
  paragraphs: number;
  chips: number;
}

/** One key: times in the page's performance.now() clock, from the event's own timeStamp. */
export interface KeyTiming {
  /** The keydown's timeStamp (beforeinput's for text committed without a key, as an IME does). */
  start: number;
  /** The page's first listener for the event ran (the event waited in the queue until then). */
  listener: number;
  /** The input event has been handled: the editor's transaction and the store update are done. */
  handled: number;
  /** The next requestAnimationFrame callback began: the frame that paints the key. */
  frame: number;
  /** A task queued from that callback ran: the frame's style, layout and paint are done. */
  painted: number;
}

/** The Event Timing API's view of one event slower than its 16 ms reporting threshold. */
export interface SlowEvent {
  name: string;
  startTime: number;
  duration: number;
  interactionId: number;
}

export interface ProbeState {
  /** performance.now() when the whole report was first in the DOM and editable. */
  openDom: number | null;
  /** performance.now() after the frame that followed openDom had painted. */
  openPainted: number | null;
  recordKeys: boolean;
  keys: KeyTiming[];
  slowEvents: SlowEvent[];
  eventTimingSupported: boolean;
}

export type ProbeWindow = Window & {
  __nianbaoBench?: ProbeState;
  /** Resolves once `keys` holds `count` timings: the harness waits on it instead of polling the page. */
  __nianbaoBenchKeys?: (count: number) => Promise<void>;
};

/**
 * Installed before any page script (page.addInitScript): watches for the opened report and times
 * every key. "Painted" is approximated the usual way: a message posted from a
 * requestAnimationFrame callback is delivered after that frame's rendering.
 */
export function installProbe(target: OpenTarget): void {
  const state: ProbeState = {
    openDom: null,
    openPainted: null,
    recordKeys: false,
    keys: [],
    slowEvents: [],
    eventTimingSupported: PerformanceObserver.supportedEntryTypes.includes("event"),
  };
  (window as ProbeWindow).__nianbaoBench = state;
  // Polling the page for the key's timing (Playwright's waitForFunction) would run a timer on the
  // main thread every few milliseconds while the key is being measured; the harness awaits this.
  let waiter: { count: number; resolve: () => void } | null = null;
  (window as ProbeWindow).__nianbaoBenchKeys = (count) =>
    state.keys.length >= count ? Promise.resolve() : new Promise((resolve) => (waiter = { count, resolve }));
  const recorded = (timing: KeyTiming): void => {
    state.keys.push(timing);
    if (waiter !== null && state.keys.length >= waiter.count) {
      const { resolve } = waiter;
      waiter = null;
      resolve();
    }
  };
  const afterNextPaint = (done: (frame: number, painted: number) => void): void => {
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(frame, performance.now());
      channel.port2.postMessage(null);
    });
  };
  const opened = (): boolean => {
    const body = document.querySelector(".report-body");
    if (body === null || body.getAttribute("contenteditable") !== "true") return false;
    if (body.querySelectorAll("p").length < target.paragraphs) return false;
    const chips = body.querySelectorAll(".field-chip");
    if (chips.length < target.chips) return false;
    for (const chip of Array.from(chips)) if ((chip.textContent ?? "") === "") return false;
    return true;
  };
  const watcher = new MutationObserver(() => {
    if (state.openDom !== null || !opened()) return;
    state.openDom = performance.now();
    watcher.disconnect();
    afterNextPaint((_frame, painted) => {
      state.openPainted = painted;
    });
  });
  watcher.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["contenteditable"],
  });
  // The key whose input event is awaited; its timing is finished by the input listener below.
  let pending: KeyTiming | null = null;
  const time = (start: number): void => {
    const timing: KeyTiming = { start, listener: performance.now(), handled: 0, frame: 0, painted: 0 };
    pending = timing;
    afterNextPaint((frame, painted) => {
      timing.frame = frame;
      timing.painted = painted;
      if (timing.handled === 0) timing.handled = frame;
      recorded(timing);
    });
  };
  let keyDown = false;
  window.addEventListener(
    "keydown",
    (event) => {
      if (!state.recordKeys) return;
      keyDown = true;
      time(event.timeStamp);
    },
    true,
  );
  window.addEventListener("keyup", () => (keyDown = false), true);
  window.addEventListener(
    "beforeinput",
    (event) => {
      if (state.recordKeys && !keyDown && event.inputType === "insertText") time(event.timeStamp);
    },
    true,
  );
  // Bubble phase on window: the editor's own listeners and its DOM observer (a microtask) have run.
  window.addEventListener("input", () => {
    const timing = pending;
    pending = null;
    if (timing !== null) queueMicrotask(() => (timing.handled = performance.now()));
  });
  if (state.eventTimingSupported) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        // interactionId is newer than TypeScript's DOM types.
        const timing = entry as PerformanceEventTiming & { interactionId?: number };
        state.slowEvents.push({
          name: timing.name,
          startTime: timing.startTime,
          duration: timing.duration,
          interactionId: timing.interactionId ?? 0,
        });
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  }
}

/** One expected chip text: every chip of `fieldId` shown as `show` must read `text`. */
export interface BoundText {
  fieldId: string;
  show: "value" | "yoy";
  text: string;
  count: number;
}

export interface FieldEditTiming {
  /** From the click on 确认数值 to every bound text in the DOM reading its new value. */
  rendered: number;
  /** Whether that was already true when the click handler returned. */
  synchronous: boolean;
  /** To the end of the next frame's paint. */
  painted: number;
}

/** How the field is changed: the store action itself, or a click on 确认数值 in the open popover. */
export interface FieldEditRun {
  via: "store" | "popover";
  /** The field after the change (for "store"). */
  field: unknown;
  expected: BoundText[];
}

/**
 * Changes a field and times until every chip bound to it shows its new text, then until the next
 * frame has painted. "store" runs the store action behind every field edit
 * (UnifiedHistory.editField → restoreField), reached through the editor as TipTap exposes it on
 * its element; "popover" clicks 确认数值 (history, store, popover closed, caret after the chip).
 */
export function editAndTime(run: FieldEditRun): Promise<FieldEditTiming> {
  type Store = { getState: () => { restoreField: (field: unknown) => void } };
  type WithEditor = Element & { editor?: { extensionManager: { extensions: { name: string; options: { store?: Store | null } }[] } } };
  const body = document.querySelector<WithEditor>(".report-body");
  if (body === null) return Promise.reject(new Error("no editor"));
  // Queried afresh each time: a re-render may replace a chip's element.
  const chipsOf = (e: BoundText) =>
    Array.from(
      body.querySelectorAll(`.field-chip[data-field-id="${e.fieldId}"]${e.show === "yoy" ? ".field-chip--yoy" : ":not(.field-chip--yoy)"}`),
    );
  for (const e of run.expected) {
    const found = chipsOf(e).length;
    if (found !== e.count) return Promise.reject(new Error(`${e.fieldId}/${e.show}: ${found} chips, expected ${e.count}`));
  }
  let change: () => void;
  if (run.via === "store") {
    const store = body.editor?.extensionManager.extensions.find((e) => e.name === "reportField")?.options.store;
    if (store === undefined || store === null) return Promise.reject(new Error("no store on the editor"));
    change = () => store.getState().restoreField(run.field);
  } else {
    const dialog = document.querySelector('[role="dialog"][aria-label="编辑字段"]');
    const button = Array.from(dialog?.querySelectorAll("button") ?? []).find((b) => b.textContent === "确认数值");
    if (button === undefined) return Promise.reject(new Error("no 确认数值 button"));
    change = () => button.click();
  }
  const done = () => run.expected.every((e) => chipsOf(e).every((chip) => chip.textContent === e.text));
  return new Promise((resolve) => {
    let start = 0;
    const finish = (rendered: number, synchronous: boolean) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ rendered: rendered - start, synchronous, painted: performance.now() - start });
        channel.port2.postMessage(null);
      });
    start = performance.now();
    change();
    if (done()) return finish(performance.now(), true);
    const watcher = new MutationObserver(() => {
      if (!done()) return;
      const rendered = performance.now();
      watcher.disconnect();
      finish(rendered, false);
    });
    watcher.observe(body, { childList: true, subtree: true, characterData: true });
  });
}
