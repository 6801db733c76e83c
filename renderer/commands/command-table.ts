import type { Editor } from "@tiptap/core";
import type { UnifiedHistory } from "../editor/unified-history";
import { convertSelectionToField, insertNewField } from "./field-commands";
import { addSubsection } from "./add-subsection";
import { applyParagraphStyle } from "./paragraph-style-command";
import { PARAGRAPH_STYLES, type ParagraphStyle } from "../editor/paragraph-style";
import { currentBridge } from "../platform/bridge";
import { useSessionStore } from "../state/session-store";
import { useUiStore } from "../state/ui-store";
import { notifyError } from "../state/notify-error";
import { selectNextChip } from "../editor/chip-caret";
import { cyclePane, focusSidePanel } from "./pane-focus";

export interface Command {
  id: string;
  label: string;
  /** Shown in menus and tooltips; Electron's native menu carries its own accelerators. */
  shortcut?: string;
  keyTest?: (event: KeyboardEvent) => boolean;
  run: () => void | Promise<void>;
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const plainKey = (event: KeyboardEvent, key: string, shift: boolean) =>
  event.key === key && event.shiftKey === shift && !event.altKey && !mod(event);

/** Word's 下一域 / 上一域: F11 / Shift+F11, and Alt+F1 / Alt+Shift+F1 where F11 is full screen. */
const fieldKey = (event: KeyboardEvent, shift: boolean) =>
  plainKey(event, "F11", shift) || (event.key === "F1" && event.altKey && event.shiftKey === shift && !mod(event));

/** Ctrl+Alt+digit by key position, so layouts where Alt changes the character still match. */
const ctrlAltDigit = (event: KeyboardEvent, digit: number) =>
  mod(event) &&
  event.altKey &&
  !event.shiftKey &&
  (event.code === `Digit${digit}` || event.code === `Numpad${digit}` || event.key === String(digit));

/**
 * 正文 also on Word's Ctrl+Shift+N, in the desktop app only: browsers keep that key for a private
 * window and never pass it to the page.
 */
const wordBodyKey = (event: KeyboardEvent) =>
  currentBridge() !== null && mod(event) && event.shiftKey && !event.altKey && event.key.toLowerCase() === "n";

function styleCommand({ style, label, shortcut }: { style: ParagraphStyle; label: string; shortcut: string }): Command {
  const digit = style === "body" ? 0 : style;
  return {
    id: style === "body" ? "format.body" : `format.heading${style}`,
    label,
    shortcut: style === "body" ? `${shortcut}${currentBridge() !== null ? " / Ctrl+Shift+N" : ""}` : shortcut,
    keyTest: (e) => ctrlAltDigit(e, digit) || (style === "body" && wordBodyKey(e)),
    run: () => {
      const { editor } = useSessionStore.getState();
      if (editor !== null) applyParagraphStyle(editor, style);
    },
  };
}

/** Every user command, read by the toolbar, keyboard shortcuts and Electron's menu (by id). */
export const commands: readonly Command[] = [
  {
    id: "file.new",
    label: "新建报告",
    shortcut: "Ctrl+N",
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "n",
    run: leaveToStart,
  },
  {
    id: "file.newFromLastYear",
    label: "导入上年报告",
    run: () => {
      if (confirmLeave()) useUiStore.getState().setImportOpen(true);
    },
  },
  {
    id: "file.team",
    label: "连接团队服务器…",
    run: () => {
      leaveToStart();
      // The 团队协作 card of the start page, once it is drawn.
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>("form[aria-label='团队协作'] input")?.focus());
    },
  },
  { id: "file.open", label: "打开", shortcut: "Ctrl+O", keyTest: (e) => mod(e) && e.key.toLowerCase() === "o", run: openFile },
  {
    id: "file.save",
    label: "保存",
    shortcut: "Ctrl+S",
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "s",
    run: () => save(false),
  },
  {
    id: "file.saveAs",
    label: "另存为",
    shortcut: "Ctrl+Shift+S",
    keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === "s",
    run: () => save(true),
  },
  {
    id: "file.exportDocx",
    label: "导出 Word",
    shortcut: "Ctrl+E",
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "e",
    run: withReport(() => useUiStore.getState().setExportDialog("docx")),
  },
  {
    id: "file.exportPdf",
    label: "导出 PDF",
    shortcut: "Ctrl+P",
    keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "p",
    run: withReport(() => useUiStore.getState().setExportDialog("pdf")),
  },
  {
    id: "file.collect",
    label: "数据征集",
    run: withReport(() => useUiStore.getState().setCollectOpen(true)),
  },
  {
    id: "file.rollup",
    label: "汇总各乡镇",
    run: withReport(() => useUiStore.getState().setRollupOpen(true)),
  },
  { id: "edit.undo", label: "撤销", shortcut: "Ctrl+Z", run: () => useSessionStore.getState().history?.undo() },
  { id: "edit.redo", label: "重做", shortcut: "Ctrl+Y", run: () => useSessionStore.getState().history?.redo() },
  {
    id: "edit.insertField",
    label: "插入字段",
    shortcut: "Ctrl+Shift+F",
    keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === "f",
    run: withEditor(insertNewField),
  },
  {
    id: "edit.toField",
    label: "转为字段",
    shortcut: "Ctrl+Shift+K",
    keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === "k",
    run: withEditor(convertSelectionToField),
  },
  {
    id: "edit.addSubsection",
    label: "添加小节",
    run: () => {
      const { editor } = useSessionStore.getState();
      if (editor !== null && !addSubsection(editor)) useUiStore.getState().notify("info", "请先把光标放在要添加小节的部分中。");
    },
  },
  {
    id: "edit.nextField",
    label: "下一个字段",
    shortcut: "F11 / Alt+F1",
    keyTest: (e) => fieldKey(e, false),
    run: withEditor((editor) => selectNextChip(editor, 1)),
  },
  {
    id: "edit.previousField",
    label: "上一个字段",
    shortcut: "Shift+F11 / Alt+Shift+F1",
    keyTest: (e) => fieldKey(e, true),
    run: withEditor((editor) => selectNextChip(editor, -1)),
  },
  { id: "edit.reportInfo", label: "报告信息", run: () => useUiStore.getState().setReportInfoOpen(true) },
  ...PARAGRAPH_STYLES.map(styleCommand),
  { id: "view.outline", label: "大纲", run: () => useUiStore.getState().setPanel("outline") },
  { id: "view.fields", label: "字段", run: () => useUiStore.getState().setPanel("fields") },
  { id: "view.checks", label: "检查", shortcut: "F7", run: () => useUiStore.getState().setPanel("checks") },
  {
    // Word's F7 (拼写和语法): the 检查 panel opens with the keyboard on its first finding.
    id: "view.checksFocus",
    label: "检查",
    shortcut: "F7",
    keyTest: (e) => plainKey(e, "F7", false),
    run: withReport(() => {
      useUiStore.getState().setPanel("checks");
      focusSidePanel(".finding__jump");
    }),
  },
  { id: "view.nextPane", label: "下一窗格", shortcut: "F6", keyTest: (e) => plainKey(e, "F6", false), run: () => cyclePane(1) },
  {
    id: "view.previousPane",
    label: "上一窗格",
    shortcut: "Shift+F6",
    keyTest: (e) => plainKey(e, "F6", true),
    run: () => cyclePane(-1),
  },
  { id: "view.signoff", label: "签发", run: () => useUiStore.getState().setPanel("signoff") },
  { id: "view.compare", label: "上年对照", run: () => useUiStore.getState().setPanel("compare") },
  { id: "view.overview", label: "数据概览", run: () => useUiStore.getState().setPanel("overview") },
];

export function commandById(id: string): Command | undefined {
  return commands.find((c) => c.id === id);
}

export async function runCommand(id: string): Promise<void> {
  const command = commandById(id);
  if (command === undefined) return;
  try {
    await command.run();
  } catch (error) {
    notifyError(error);
  }
}

function withEditor(action: (editor: Editor, history: UnifiedHistory) => unknown) {
  return () => {
    const { editor, history } = useSessionStore.getState();
    if (editor !== null && history !== null) action(editor, history);
  };
}

function withReport(action: () => void) {
  return () => {
    if (useSessionStore.getState().session !== null) action();
  };
}

function confirmLeave(): boolean {
  const store = useSessionStore.getState().session?.store;
  if (store === undefined || store.getState().status !== "dirty") return true;
  return window.confirm("当前报告有未保存的修改。离开后，这些修改仍可从“恢复”中找回。确定离开吗？");
}

function leaveToStart(): void {
  if (confirmLeave()) useSessionStore.getState().close();
}

async function openFile(): Promise<void> {
  const { api, hostInfo } = useSessionStore.getState();
  if (api === null || !confirmLeave()) return;
  if (hostInfo?.nativeDialogs !== true) {
    useUiStore.getState().setFileDialog("open");
    return;
  }
  const { path } = await api.chooseOpenPath({});
  if (path !== null) await useSessionStore.getState().open(await api.openReport({ path }));
}

async function save(askForPath: boolean): Promise<void> {
  const { api, hostInfo, session } = useSessionStore.getState();
  if (api === null || session === null) return;
  const state = session.store.getState();
  if (!askForPath && state.path !== null) {
    await state.save();
    useUiStore.getState().notify("info", "已保存。");
    return;
  }
  if (hostInfo?.nativeDialogs !== true) {
    useUiStore.getState().setFileDialog("save");
    return;
  }
  const { path } = await api.chooseSavePath({ suggestedName: `${state.report.meta.title}.nianbao` });
  if (path !== null) await state.save(path);
}
