import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { readReportFromYDoc, writeReportToYDoc } from "../../../core/collab/report-ydoc";
import { assertTeamChangeAllowed } from "../../../core/collab/team-rights";
import { touchedPlaces, type TouchedPlace } from "../../../core/collab/touched-places";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { finishedReport } from "../../support/finished-report";

/** A member's copy of the report and what one of their changes touched, as the server reads it. */
async function memberCopy(): Promise<{ doc: Y.Doc; places: (change: (doc: Y.Doc) => void) => TouchedPlace[] }> {
  const doc = new Y.Doc();
  writeReportToYDoc(doc, await finishedReport());
  return {
    doc,
    places: (change) => {
      let seen: TouchedPlace[] = [];
      const read = (tr: Y.Transaction) => (seen = touchedPlaces(tr, doc));
      doc.on("afterTransaction", read);
      doc.transact(() => change(doc));
      doc.off("afterTransaction", read);
      return seen;
    },
  };
}

function part(doc: Y.Doc, id: string): Y.XmlElement {
  const found = doc
    .getXmlFragment("default")
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.getAttribute("partId") === id);
  if (found === undefined) throw new Error(id);
  return found;
}

/** The refusal a member would read, or null when the change passes. */
function refusal(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof NianbaoError) return error.zh;
    throw error;
  }
}

const department = { name: "司法所", role: "部门" as const, parts: ["measures.2"], fieldsOf: "司法所" };
const allowed = (places: TouchedPlace[]) => () =>
  assertTeamChangeAllowed(department, places, { state: "draft", revision: 1, fieldSource: () => "司法所" });

describe("what a change touches, at the grain rights are given in", () => {
  it("reads a typed word, a new paragraph and a removed one as the subsection they fall in", async () => {
    const { doc, places } = await memberCopy();
    const measures = part(doc, "measures");
    const blocks = measures.toArray() as Y.XmlElement[];
    const second = blocks.findIndex(
      (b, i) =>
        i > 0 &&
        b.nodeName === "heading" &&
        (b.getAttribute("level") as unknown) === 2 &&
        blocks.slice(0, i).filter((x) => x.nodeName === "heading" && (x.getAttribute("level") as unknown) === 2).length === 1,
    );
    const paragraph = blocks[second + 1]!;
    const typed = places(() => (paragraph.toArray()[0] as Y.XmlText).insert(0, "补充"));
    expect(typed).toEqual([expect.objectContaining({ kind: "subsection", part: "measures", subsection: 2 })]);
    expect(refusal(allowed(typed))).toBeNull();

    const added = places(() => measures.insert(second + 2, [new Y.XmlElement("paragraph")]));
    expect(added).toEqual([expect.objectContaining({ kind: "subsection", subsection: 2 })]);
    const removed = places(() => measures.delete(second + 1, 1));
    expect(removed).toEqual([expect.objectContaining({ kind: "subsection", subsection: 2 })]);

    const elsewhere = places(() => (blocks[second - 1]!.toArray()[0] as Y.XmlText).insert(0, "越权"));
    expect(elsewhere).toEqual([expect.objectContaining({ kind: "subsection", subsection: 1 })]);
    expect(refusal(allowed(elsewhere))).toMatch(/只能修改分配给本部门的部分/);
  });

  it("reads a new or removed level-2 heading, and the statutory heading, as the whole part", async () => {
    const { doc, places } = await memberCopy();
    const measures = part(doc, "measures");
    const heading = new Y.XmlElement("heading");
    heading.setAttribute("level", 2 as unknown as string);
    const added = places(() => measures.insert(3, [heading]));
    expect(added).toEqual([expect.objectContaining({ kind: "part", part: "measures" })]);
    expect(refusal(allowed(added))).toMatch(/增删二级标题须整个部分分配给本部门/);
    const statutory = places(() => ((measures.toArray()[0] as Y.XmlElement).toArray()[0] as Y.XmlText).insert(0, "改"));
    expect(statutory).toEqual([expect.objectContaining({ kind: "part", part: "measures" })]);
  });

  it("reads fields, report info and the sign-off record by key; nobody writes the workflow directly", async () => {
    const { doc, places } = await memberCopy();
    const id = [...doc.getMap("fields").keys()][0]!;
    expect(places((d) => d.getMap("fields").set(id, { ...(d.getMap("fields").get(id) as object) }))).toEqual([{ kind: "field", id }]);
    expect(places((d) => d.getMap("meta").set("title", "改标题"))).toEqual([{ kind: "meta", key: "title" }]);
    const workflow = places((d) => d.getMap("report").set("workflow", { state: "approved" }));
    const drafter = { name: "王小明", role: "拟稿人" as const, parts: [], fieldsOf: null };
    expect(refusal(() => assertTeamChangeAllowed(drafter, workflow, { state: "draft", revision: 1, fieldSource: () => null }))).toMatch(
      /签核按钮/,
    );
  });

  it("turns a report into a shared document and back without losing anything", async () => {
    const report = await finishedReport();
    const doc = new Y.Doc();
    writeReportToYDoc(doc, report);
    expect(readReportFromYDoc(doc)).toEqual(report);
  });
});
