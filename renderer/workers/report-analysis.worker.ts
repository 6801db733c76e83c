import { AnalysisRequest, analyseReport, type AnalysisReply } from "../../core/inspect/report-analysis";

/*
 * The report analysis (检查, outline progress, counts) off the editor's main thread, so a long
 * report's checks never delay a keystroke. Imports core only (layer rule in eslint.config.js).
 */
addEventListener("message", (event: MessageEvent<unknown>) => {
  const request = AnalysisRequest.safeParse(event.data);
  let reply: AnalysisReply;
  if (!request.success) {
    const seq = (event.data as { seq?: unknown } | null)?.seq;
    reply = { ok: false, seq: typeof seq === "number" ? seq : null, message: request.error.message };
  } else {
    try {
      reply = { ok: true, seq: request.data.seq, analysis: analyseReport(request.data) };
    } catch (error) {
      reply = { ok: false, seq: request.data.seq, message: error instanceof Error ? error.message : String(error) };
    }
  }
  postMessage(reply);
});
