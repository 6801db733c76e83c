import { describe, expect, it } from "vitest";
import { reportAnalysis } from "../../renderer/state/report-analysis";
import type { ReportStore } from "../../renderer/state/report-store";
import { reuseEqual } from "../../renderer/state/reuse-equal";
import { field, openedReport, storeFor } from "./support/report-editor";

function nextAnalysis(store: ReportStore): Promise<void> {
  const state = reportAnalysis(store);
  return new Promise((resolve) => {
    const stop = state.subscribe((s) => {
      if (s.fresh && s.analysis !== null) {
        stop();
        resolve();
      }
    });
  });
}

describe("the report analysis a panel reads while the clerk types", () => {
  it("keeps the same findings, progress and counts when a rerun finds the same, and replaces only what changed", async () => {
    const store = storeFor(openedReport([field({ id: "cases", value: null })]));
    const analysis = reportAnalysis(store);
    await nextAnalysis(store);
    const first = analysis.getState().analysis;
    expect(first?.findings.length).toBeGreaterThan(0);

    // The editor's debounced copy of an unchanged body: a new object, the same report.
    store.getState().setBody(structuredClone(store.getState().body));
    await nextAnalysis(store);
    expect(analysis.getState().analysis).toBe(first);

    // A confirmed number clears its finding; the outline's progress and the counts are untouched.
    store.getState().updateField("cases", { value: "12", status: "confirmed" });
    await nextAnalysis(store);
    const second = analysis.getState().analysis;
    expect(second).not.toBe(first);
    expect(second?.findings).not.toEqual(first?.findings);
    expect(second?.parts).toBe(first?.parts);
  });

  it("reuses equal parts of JSON-like data and nothing that differs", () => {
    const previous = { a: [{ x: 1 }, { x: 2 }], b: { c: "同比增长" }, d: 1 };
    const next = { a: [{ x: 1 }, { x: 3 }], b: { c: "同比增长" }, d: 1 };
    const kept = reuseEqual(previous, next);
    expect(kept).toEqual(next);
    expect(kept.a[0]).toBe(previous.a[0]);
    expect(kept.a[1]).toBe(next.a[1]);
    expect(kept.b).toBe(previous.b);
    expect(reuseEqual(previous, structuredClone(previous))).toBe(previous);
    expect(reuseEqual({ a: 1 }, { a: 1, b: undefined })).toStrictEqual({ a: 1, b: undefined });
    expect(reuseEqual([1, 2], [1])).toEqual([1]);
  });
});
