import type * as Y from "yjs";
import {
  FIELDS_MAP,
  MEMBER_REPORT_KEYS,
  META_MAP,
  REPORT_MAP,
  readReportFromYDoc,
  writeReportDetailsToYDoc,
} from "../../core/collab/report-ydoc";
import type { ReportStore } from "../state/report-store";
import { TEAM_LOCAL, type TeamConnection } from "./team-connection";

/**
 * Keeps the report store and the shared document saying the same outside the body (the body is
 * bound to the editor by TipTap's collaboration extension): fields, meta, plans and the sign-off
 * history. Others' changes arrive in the store as they come; this member's go out as they are
 * made. Once the server has confirmed every change, the report counts as saved.
 */
export function bindTeamStore(store: ReportStore, team: TeamConnection): () => void {
  const { doc } = team;
  const shared: Y.Map<unknown>[] = [doc.getMap(FIELDS_MAP), doc.getMap(META_MAP), doc.getMap(REPORT_MAP)];
  let pulling = false;
  const pull = (tr: Y.Transaction) => {
    // Runs after every transaction, keystrokes included: a few map lookups, no copying.
    if (tr.origin === TEAM_LOCAL || !shared.some((type) => (tr.changed as Map<unknown, unknown>).has(type))) return;
    const state = store.getState();
    const report = readReportFromYDoc(doc, state.body);
    pulling = true;
    try {
      store.setState({ report: { ...report, body: state.body }, fields: report.fields });
    } finally {
      pulling = false;
    }
  };
  doc.on("afterTransaction", pull);
  const unsubscribe = store.subscribe((state, previous) => {
    if (pulling || (state.fields === previous.fields && state.report === previous.report)) return;
    writeReportDetailsToYDoc(doc, { ...state.report, body: state.body, fields: state.fields }, TEAM_LOCAL, MEMBER_REPORT_KEYS);
  });
  const settle = () => {
    const state = store.getState();
    if (team.allConfirmed() && state.status === "dirty") {
      store.setState({ status: "clean", savedRevision: state.revision, lastSavedAt: new Date().toISOString() });
    }
  };
  const unlisten = team.onChange(settle);
  return () => {
    doc.off("afterTransaction", pull);
    unsubscribe();
    unlisten();
  };
}
