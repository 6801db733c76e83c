import * as Y from "yjs";
import { BODY_FRAGMENT, FIELDS_MAP, META_MAP, REPORT_MAP } from "../../core/collab/report-ydoc";
import { assertTeamChangeAllowed } from "../../core/collab/team-rights";
import type { TeamIdentity } from "../../core/collab/team-user";
import { touchedPlaces, type TouchedPlace } from "../../core/collab/touched-places";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { Workflow } from "../../core/model/workflow";

const CHECKING = Symbol("checking an incoming update");

export type GuardVerdict = { allowed: true } | { allowed: false; error: NianbaoError; compensation: Uint8Array };

/**
 * Decides, before an update from a team member reaches the shared document, whether that member
 * may make it. The update is tried on a mirror of the document; one that may not pass is undone
 * there, and the answer is the update together with its undoing. Applied to the shared document
 * as one transaction, its refused content is collected as garbage before the document's update
 * goes out, so other members and the log see only that nothing changed, and the sender's editor
 * takes its change back.
 */
export class UpdateGuard {
  private readonly mirror = new Y.Doc();
  private readonly follow: (update: Uint8Array) => void;

  constructor(private readonly doc: Y.Doc) {
    Y.applyUpdate(this.mirror, Y.encodeStateAsUpdate(doc));
    this.follow = (update) => Y.applyUpdate(this.mirror, update);
    doc.on("update", this.follow);
  }

  check(update: Uint8Array, user: TeamIdentity): GuardVerdict {
    const mirror = this.mirror;
    const fields = mirror.getMap<unknown>(FIELDS_MAP);
    // Only a department's rights depend on whose fields they are.
    const sourcesBefore = new Map<string, string | null>();
    if (user.role === "部门") for (const [id, field] of fields) sourcesBefore.set(id, sourceOf(field));
    const workflow = Workflow.safeParse(mirror.getMap<unknown>(REPORT_MAP).get("workflow"));
    const scope = [mirror.getXmlFragment(BODY_FRAGMENT), fields, mirror.getMap(META_MAP), mirror.getMap(REPORT_MAP)];
    const undo = new Y.UndoManager(scope, { trackedOrigins: new Set([CHECKING]), captureTimeout: 0 });
    let places: TouchedPlace[] = [];
    const read = (tr: Y.Transaction) => {
      if (tr.origin === CHECKING) places = touchedPlaces(tr, mirror);
    };
    mirror.on("afterTransaction", read);
    try {
      Y.applyUpdate(mirror, update, CHECKING);
    } finally {
      mirror.off("afterTransaction", read);
    }
    try {
      assertTeamChangeAllowed(user, places, {
        state: workflow.success ? workflow.data.state : null,
        revision: workflow.success ? workflow.data.revision : 1,
        fieldSource: (id, when) =>
          when === "before"
            ? sourcesBefore.has(id)
              ? sourcesBefore.get(id)
              : undefined
            : fields.has(id)
              ? sourceOf(fields.get(id))
              : undefined,
      });
      undo.destroy();
      return { allowed: true };
    } catch (error) {
      undo.undo();
      undo.destroy();
      const refusal =
        error instanceof NianbaoError
          ? error
          : new NianbaoError("internal", "无法核对这次修改，已撤回。", "the change could not be checked and was reverted");
      return { allowed: false, error: refusal, compensation: Y.encodeStateAsUpdate(mirror, Y.encodeStateVector(this.doc)) };
    }
  }

  destroy(): void {
    this.doc.off("update", this.follow);
    this.mirror.destroy();
  }
}

function sourceOf(field: unknown): string | null {
  if (typeof field !== "object" || field === null || !("source" in field)) return null;
  const source = (field as { source: unknown }).source;
  return typeof source === "string" ? source : null;
}
