import { AnalysisRequest, analyseReport, type AnalysisReply } from "../../core/inspect/report-analysis";
import type { LastYearSnapshot } from "../../core/model/report";

/*
 * The report analysis (检查, outline progress, counts) off the editor's main thread, so a long
 * report's checks never delay a keystroke. Imports core only (layer rule in eslint.config.js).
 */
/** Last year's report as last sent, under its key. */
let lastYear: { key: number; snapshot: LastYearSnapshot | null } | null = null;

addEventListener("message", (event: MessageEvent<unknown>) => {
  const request = AnalysisRequest.safeParse(event.data);
  let reply: AnalysisReply;
  if (!request.success) {
    const seq = (event.data as { seq?: unknown } | null)?.seq;
    reply = { ok: false, seq: typeof seq === "number" ? seq : null, message: request.error.message };
  } else {
    const { key, snapshot } = request.data.lastYear;
    if (snapshot !== undefined) lastYear = { key, snapshot };
    try {
      if (lastYear?.key !== key) throw new Error(`last year's report ${key} was never sent`);
      const report = { ...request.data.report, lastYear: lastYear.snapshot };
      reply = { ok: true, seq: request.data.seq, analysis: analyseReport({ ...request.data, report }) };
    } catch (error) {
      reply = { ok: false, seq: request.data.seq, message: error instanceof Error ? error.message : String(error) };
    }
  }
  postMessage(reply);
});
