import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Report } from "../../core/model/report";
import { UnifiedHistory } from "../../renderer/editor/unified-history";
import { parseSelectedNumber } from "../../renderer/editor/number-to-field";
import { createTestHost } from "../support/report-host";
import { docWithParagraph, field, makeEditor, openedReport, storeFor } from "./support/report-editor";

describe("the report store against the real service", () => {
  it("is dirty after an edit, clean after saving, and writes the file the service validates", async () => {
    const host = await createTestHost();
    const store = storeFor(openedReport([field({ id: "cases", value: "120" })]), host.api);
    expect(store.getState().status).toBe("clean");
    store.getState().updateField("cases", { value: "135", status: "confirmed" });
    expect(store.getState().status).toBe("dirty");

    const path = join(host.docs, "2024.nianbao");
    await store.getState().save(path);
    expect(store.getState()).toMatchObject({ status: "clean", path });
    const onDisk = Report.parse(JSON.parse(readFileSync(path, "utf8")));
    expect(onDisk.fields["cases"]).toMatchObject({ value: "135", status: "confirmed" });
  });

  it("stays dirty when the clerk edits while a save is in flight", async () => {
    const host = await createTestHost();
    const store = storeFor(openedReport([field({ id: "cases", value: "1" })]), host.api);
    store.getState().updateField("cases", { value: "2" });
    const saving = store.getState().save(join(host.docs, "a.nianbao"));
    store.getState().updateField("cases", { value: "3" });
    await saving;
    expect(store.getState().status).toBe("dirty");
  });

  it("writes a recovery copy only for unsaved changes, and saving removes it", async () => {
    const host = await createTestHost();
    const store = storeFor(openedReport([field({ id: "cases", value: "1" })]), host.api);
    await store.getState().writeRecovery();
    expect(await host.api.listRecoveries({})).toEqual([]);
    store.getState().updateField("cases", { value: "7" });
    await store.getState().writeRecovery();
    const [copy] = await host.api.listRecoveries({});
    expect(copy?.reportId).toBe(store.getState().report.id);
    expect((await host.api.readRecovery({ reportId: copy?.reportId ?? "" })).report.fields["cases"]?.value).toBe("7");
    await store.getState().save(join(host.docs, "b.nianbao"));
    expect(await host.api.listRecoveries({})).toEqual([]);
  });

  it("leaves no recovery copy behind when the clerk saves while one is being written", async () => {
    const host = await createTestHost();
    // The copy's request reaches the host late: after the save has finished, or after 300 ms when
    // the save waits for it, as it must.
    let saved: () => void = () => undefined;
    const saveDone = new Promise<void>((resolve) => (saved = resolve));
    const api: typeof host.api = {
      ...host.api,
      saveReport: async (request) => {
        const result = await host.api.saveReport(request);
        saved();
        return result;
      },
      writeRecovery: async (request) => {
        await Promise.race([saveDone, new Promise((resolve) => setTimeout(resolve, 300))]);
        return host.api.writeRecovery(request);
      },
    };
    const store = storeFor(openedReport([field({ id: "cases", value: "1" })]), api);
    store.getState().updateField("cases", { value: "8" });
    const copying = store.getState().writeRecovery();
    await store.getState().save(join(host.docs, "c.nianbao"));
    await copying;
    expect(await host.api.listRecoveries({})).toEqual([]);
    expect(store.getState().status).toBe("clean");
  });

  it("refuses to save without a path and reports why", async () => {
    const store = storeFor(openedReport());
    await expect(store.getState().save()).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("undo and redo across text and field edits", () => {
  it("undoes a field edit and a text edit in reverse order, and redoes them", () => {
    const t = makeEditor(
      docWithParagraph([
        { type: "text", text: "共" },
        { type: "reportField", attrs: { fieldId: "cases" } },
      ]),
      [field({ id: "cases", value: "10" })],
    );
    const history = new UnifiedHistory(t.editor, t.store);
    t.editor.on("transaction", () => history.noteEditorChange());

    t.editor.commands.setTextSelection(t.editor.state.doc.child(0).nodeSize - 2);
    t.editor.commands.insertContent("件");
    history.editField({ ...field({ id: "cases", value: "10" }), value: "12" });
    expect(t.editor.getText()).toContain("共12件件");

    history.undo();
    expect(t.store.getState().fields["cases"]?.value).toBe("10");
    expect(t.editor.getText()).toContain("共10件件");
    history.undo();
    expect(t.editor.getText()).toContain("共10件");
    expect(t.editor.getText()).not.toContain("件件");
    expect(history.canUndo()).toBe(false);

    history.redo();
    history.redo();
    expect(t.editor.getText()).toContain("共12件件");
    t.editor.destroy();
  });
});

describe("转为字段 reads the selected number", () => {
  it("keeps scale, qualifier and unit as running text writes them", () => {
    expect(parseSelectedNumber("超36万件")).toEqual({
      value: "360000",
      unit: "件",
      scale: "万",
      qualifier: "超",
      decimals: 0,
      kind: "count",
      exact: false,
    });
    expect(parseSelectedNumber("1900余件")).toMatchObject({ value: "1900", qualifier: "余", unit: "件" });
    expect(parseSelectedNumber("约26%")).toMatchObject({ value: "26", unit: "%", qualifier: "约", kind: "percent" });
    expect(parseSelectedNumber("93.26%")).toMatchObject({ value: "93.26", decimals: 2 });
    expect(parseSelectedNumber("1.5亿元")).toMatchObject({ value: "150000000", scale: "亿", unit: "元", decimals: 1 });
    expect(parseSelectedNumber("3,200件")).toMatchObject({ value: "3200" });
  });

  it("refuses text that is not a number", () => {
    expect(parseSelectedNumber("加强组织领导")).toBeNull();
    expect(parseSelectedNumber("")).toBeNull();
  });
});
