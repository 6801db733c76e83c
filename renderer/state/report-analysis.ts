import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Finding } from "../../core/checks/finding";
import {
  AnalysisReply,
  analyseReport,
  type AnalysisInput,
  type AnalysisRequest,
  type ReportAnalysis,
} from "../../core/inspect/report-analysis";
import { localToday } from "../platform/local-today";
import type { ReportState } from "./report-state";
import type { ReportStore } from "./report-store";
import { reuseEqual } from "./reuse-equal";

/** After a change, how long the analysis waits for the next one before it starts. */
export const ANALYSIS_DEBOUNCE_MS = 150;
/** The longest an analysis waits for the main thread to be idle. */
const IDLE_TIMEOUT_MS = 500;

export interface AnalysisState {
  /** The last finished analysis; null until the first one after the report opened. */
  analysis: ReportAnalysis | null;
  /** Whether that analysis is of the report as it now stands in the store. */
  fresh: boolean;
}

interface Analysed {
  state: StoreApi<AnalysisState>;
  /** Runs now, not after the usual wait: a panel that has just opened wants current findings. */
  now: () => void;
}

/** Where the analysis runs: a Web Worker where there is one, else this thread, later. */
interface Analyser {
  run: (seq: number, input: AnalysisInput, reply: (reply: AnalysisReply) => void) => void;
}

const inThread: Analyser = {
  run: (seq, input, reply) => {
    globalThis.setTimeout(() => {
      try {
        reply({ ok: true, seq, analysis: analyseReport(input) });
      } catch (error) {
        reply({ ok: false, seq, message: error instanceof Error ? error.message : String(error) });
      }
    }, 0);
  },
};

let shared: Analyser | null = null;

/**
 * One worker for the app, created on first use. Anything that goes wrong with it (no Worker in
 * this environment, a script that fails to load, a message it cannot read) falls back to
 * analysing on this thread: slower typing, never missing findings.
 */
function analyser(): Analyser {
  if (shared !== null) return shared;
  if (typeof Worker !== "function") return (shared = inThread);
  let worker: Worker;
  try {
    worker = new Worker(new URL("../workers/report-analysis.worker.ts", import.meta.url), { type: "module", name: "report-analysis" });
  } catch {
    return (shared = inThread);
  }
  const waiting = new Map<number, { input: AnalysisInput; reply: (reply: AnalysisReply) => void }>();
  const fallBack = () => {
    worker.terminate();
    shared = inThread;
    for (const [seq, { input, reply }] of waiting) inThread.run(seq, input, reply);
    waiting.clear();
  };
  // Which of last year's reports the worker holds (by key): it crosses once, not with every run.
  const lastYearKeys = new WeakMap<object, number>();
  let nextKey = 1;
  let sentKey: number | null = null;
  const keyOf = (lastYear: AnalysisInput["report"]["lastYear"]): number => {
    if (lastYear === null) return 0;
    let key = lastYearKeys.get(lastYear);
    if (key === undefined) lastYearKeys.set(lastYear, (key = nextKey++));
    return key;
  };
  worker.addEventListener("error", fallBack);
  worker.addEventListener("messageerror", fallBack);
  worker.addEventListener("message", (event: MessageEvent<unknown>) => {
    const reply = AnalysisReply.safeParse(event.data);
    const seq = reply.success ? reply.data.seq : null;
    const pending = seq === null ? undefined : waiting.get(seq);
    if (seq !== null) waiting.delete(seq);
    if (pending === undefined) return;
    // A report the worker could not read is analysed here, as it was before there was a worker.
    if (!reply.success || !reply.data.ok) {
      // The worker may have lost last year's report; it is sent again next time.
      sentKey = null;
      inThread.run(seq ?? 0, pending.input, pending.reply);
    } else pending.reply(reply.data);
  });
  shared = {
    run: (seq, input, reply) => {
      waiting.set(seq, { input, reply });
      const key = keyOf(input.report.lastYear);
      const lastYear = key === sentKey ? { key } : { key, snapshot: input.report.lastYear };
      sentKey = key;
      const request: AnalysisRequest = { ...input, report: { ...input.report, lastYear: null }, seq, lastYear };
      worker.postMessage(request);
    },
  };
  return shared;
}

/** Request numbers are unique across stores, so replies never cross. */
let nextSeq = 0;

const whenIdle = (run: () => void): void => {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else globalThis.setTimeout(run, 0);
};

const analyses = new WeakMap<ReportStore, Analysed>();

const inputChanged = (a: ReportState, b: ReportState): boolean =>
  a.report !== b.report || a.body !== b.body || a.fields !== b.fields || a.template !== b.template;

/**
 * The analysis of a report store, kept current: started when first asked for, rerun a moment
 * after the report, its body (the editor's debounced copy) or its fields change, at most one run
 * in flight, and a reply that a newer change has overtaken is still shown until the next arrives.
 */
export function reportAnalysis(store: ReportStore): StoreApi<AnalysisState> {
  return analysed(store).state;
}

/** Asks for an analysis of the report as it stands, without the usual wait. */
export function analyseNow(store: ReportStore): void {
  analysed(store).now();
}

function analysed(store: ReportStore): Analysed {
  const existing = analyses.get(store);
  if (existing !== undefined) return existing;
  const result = createStore<AnalysisState>()(() => ({ analysis: null, fresh: false }));
  let timer: ReturnType<typeof globalThis.setTimeout> | null = null;
  let running = false;
  let again = false;
  let urgent = false;
  const run = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    urgent = false;
    const state = store.getState();
    const seq = nextSeq++;
    analyser().run(
      seq,
      { report: { ...state.report, body: state.body, fields: state.fields }, template: state.template, today: localToday() },
      (reply) => {
        running = false;
        if (reply.ok) {
          // Mostly a run finds what the last one found: the panels that show it are not redrawn.
          const previous = result.getState();
          const analysis = reuseEqual(previous.analysis, reply.analysis);
          const fresh = !again && !inputChanged(store.getState(), state);
          if (analysis !== previous.analysis || fresh !== previous.fresh) result.setState({ analysis, fresh });
        }
        if (again) {
          if (urgent) run();
          else schedule();
        }
      },
    );
  };
  const schedule = () => {
    if (timer !== null) globalThis.clearTimeout(timer);
    timer = globalThis.setTimeout(() => whenIdle(run), ANALYSIS_DEBOUNCE_MS);
  };
  store.subscribe((state, previous) => {
    if (!inputChanged(state, previous)) return;
    if (result.getState().fresh) result.setState({ fresh: false });
    schedule();
  });
  // The first analysis waits for the opened report to be drawn.
  whenIdle(run);
  const entry: Analysed = {
    state: result,
    now: () => {
      if (result.getState().fresh) return;
      if (timer !== null) globalThis.clearTimeout(timer);
      timer = null;
      urgent = true;
      run();
    },
  };
  analyses.set(store, entry);
  return entry;
}

export function useReportAnalysis<T>(store: ReportStore, selector: (analysis: ReportAnalysis | null) => T): T {
  return useStore(reportAnalysis(store), (s) => selector(s.analysis));
}

const NO_FINDINGS: Finding[] = [];

/** The findings of core/checks on the report as it stands; they arrive a moment after each change. */
export function useFindings(store: ReportStore): Finding[] {
  return useReportAnalysis(store, (a) => a?.findings ?? NO_FINDINGS);
}
