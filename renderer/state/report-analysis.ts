import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Finding } from "../../core/checks/finding";
import { AnalysisReply, analyseReport, type AnalysisRequest, type ReportAnalysis } from "../../core/inspect/report-analysis";
import { localToday } from "../platform/local-today";
import type { ReportState } from "./report-state";
import type { ReportStore } from "./report-store";

/** After a change, how long the analysis waits for the next one before it starts. */
export const ANALYSIS_DEBOUNCE_MS = 150;
/** The longest an analysis waits for the main thread to be idle. */
const IDLE_TIMEOUT_MS = 500;

export interface AnalysisState {
  /** The last finished analysis; null until the first one after the report opened. */
  analysis: ReportAnalysis | null;
}

/** Where the analysis runs: a Web Worker where there is one, else this thread, later. */
interface Analyser {
  run: (request: AnalysisRequest, reply: (reply: AnalysisReply) => void) => void;
}

const inThread: Analyser = {
  run: (request, reply) => {
    globalThis.setTimeout(() => {
      try {
        reply({ ok: true, seq: request.seq, analysis: analyseReport(request) });
      } catch (error) {
        reply({ ok: false, seq: request.seq, message: error instanceof Error ? error.message : String(error) });
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
  const waiting = new Map<number, { request: AnalysisRequest; reply: (reply: AnalysisReply) => void }>();
  const fallBack = () => {
    worker.terminate();
    shared = inThread;
    for (const { request, reply } of waiting.values()) inThread.run(request, reply);
    waiting.clear();
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
    if (!reply.success || !reply.data.ok) inThread.run(pending.request, pending.reply);
    else pending.reply(reply.data);
  });
  shared = {
    run: (request, reply) => {
      waiting.set(request.seq, { request, reply });
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

const analyses = new WeakMap<ReportStore, StoreApi<AnalysisState>>();

const inputChanged = (a: ReportState, b: ReportState): boolean =>
  a.report !== b.report || a.body !== b.body || a.fields !== b.fields || a.template !== b.template;

/**
 * The analysis of a report store, kept current: started when first asked for, rerun a moment
 * after the report, its body (the editor's debounced copy) or its fields change, at most one run
 * in flight, and a reply that a newer change has overtaken is still shown until the next arrives.
 */
export function reportAnalysis(store: ReportStore): StoreApi<AnalysisState> {
  const existing = analyses.get(store);
  if (existing !== undefined) return existing;
  const result = createStore<AnalysisState>()(() => ({ analysis: null }));
  analyses.set(store, result);
  let timer: ReturnType<typeof globalThis.setTimeout> | null = null;
  let running = false;
  let again = false;
  const run = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    const state = store.getState();
    const seq = nextSeq++;
    analyser().run(
      { seq, report: { ...state.report, body: state.body, fields: state.fields }, template: state.template, today: localToday() },
      (reply) => {
        running = false;
        if (reply.ok) result.setState({ analysis: reply.analysis });
        if (again) schedule();
      },
    );
  };
  const schedule = () => {
    if (timer !== null) globalThis.clearTimeout(timer);
    timer = globalThis.setTimeout(() => whenIdle(run), ANALYSIS_DEBOUNCE_MS);
  };
  store.subscribe((state, previous) => {
    if (inputChanged(state, previous)) schedule();
  });
  // The first analysis waits for the opened report to be drawn.
  whenIdle(run);
  return result;
}

export function useReportAnalysis<T>(store: ReportStore, selector: (analysis: ReportAnalysis | null) => T): T {
  return useStore(reportAnalysis(store), (s) => selector(s.analysis));
}

const NO_FINDINGS: Finding[] = [];

/** The findings of core/checks on the report as it stands; they arrive a moment after each change. */
export function useFindings(store: ReportStore): Finding[] {
  return useReportAnalysis(store, (a) => a?.findings ?? NO_FINDINGS);
}
