import type { MenuItemConstructorOptions } from "electron";

export interface MenuActions {
  /** Sends a renderer command id (renderer/commands/command-table.ts) to the focused window. */
  command: (id: string) => void;
  openRecent: (path: string) => void;
  about: () => void;
  quit: () => void;
}

export interface RecentEntry {
  path: string;
  title: string;
}

/** The native menus in Chinese; every document action is a renderer command sent by id. */
export function menuTemplate(actions: MenuActions, recent: readonly RecentEntry[], isMac: boolean): MenuItemConstructorOptions[] {
  const cmd = (label: string, id: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => actions.command(id),
    ...(accelerator === undefined ? {} : { accelerator }),
  });
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: "（无）", enabled: false }]
      : recent.slice(0, 10).map((r) => ({ label: r.title, toolTip: r.path, click: () => actions.openRecent(r.path) }));
  return [
    {
      label: "文件",
      submenu: [
        cmd("新建", "file.new", "CmdOrCtrl+N"),
        cmd("以上年报告为基础新建…", "file.newFromLastYear"),
        cmd("打开…", "file.open", "CmdOrCtrl+O"),
        { label: "最近打开", submenu: recentItems },
        { type: "separator" },
        cmd("保存", "file.save", "CmdOrCtrl+S"),
        cmd("另存为…", "file.saveAs", "CmdOrCtrl+Shift+S"),
        { type: "separator" },
        cmd("导出 Word…", "file.exportDocx", "CmdOrCtrl+E"),
        cmd("导出 PDF…", "file.exportPdf", "CmdOrCtrl+P"),
        cmd("数据征集…", "file.collect"),
        cmd("汇总各乡镇…", "file.rollup"),
        cmd("连接团队服务器…", "file.team"),
        { type: "separator" },
        { label: "退出", accelerator: isMac ? "Cmd+Q" : "Alt+F4", click: actions.quit },
      ],
    },
    {
      label: "编辑",
      submenu: [
        cmd("撤销", "edit.undo", "CmdOrCtrl+Z"),
        cmd("重做", "edit.redo", isMac ? "Cmd+Shift+Z" : "Ctrl+Y"),
        { type: "separator" },
        { label: "剪切", role: "cut", accelerator: "CmdOrCtrl+X" },
        { label: "复制", role: "copy", accelerator: "CmdOrCtrl+C" },
        { label: "粘贴", role: "paste", accelerator: "CmdOrCtrl+V" },
        { label: "全选", role: "selectAll", accelerator: "CmdOrCtrl+A" },
        { type: "separator" },
        cmd("插入字段", "edit.insertField", "CmdOrCtrl+Shift+F"),
        cmd("转为字段", "edit.toField", "CmdOrCtrl+Shift+K"),
        cmd("添加小节", "edit.addSubsection"),
        cmd("报告信息…", "edit.reportInfo"),
      ],
    },
    {
      label: "格式",
      // The keys themselves are handled in the page (renderer/commands/command-table.ts), which
      // leaves them alone while a text box has the focus; the menu only shows them.
      submenu: [
        { ...cmd("正文", "format.body", "CmdOrCtrl+Shift+N"), registerAccelerator: false },
        { ...cmd("一级标题 一、", "format.heading1", "CmdOrCtrl+Alt+1"), registerAccelerator: false },
        { ...cmd("二级标题 （一）", "format.heading2", "CmdOrCtrl+Alt+2"), registerAccelerator: false },
        { ...cmd("三级标题 1.", "format.heading3", "CmdOrCtrl+Alt+3"), registerAccelerator: false },
        { ...cmd("四级标题 （1）", "format.heading4", "CmdOrCtrl+Alt+4"), registerAccelerator: false },
      ],
    },
    {
      label: "视图",
      submenu: [
        cmd("大纲", "view.outline"),
        cmd("字段", "view.fields"),
        cmd("检查", "view.checks"),
        cmd("上年对照", "view.compare"),
        cmd("数据概览", "view.overview"),
        cmd("签发", "view.signoff"),
        { type: "separator" },
        { label: "放大", role: "zoomIn", accelerator: "CmdOrCtrl+=" },
        { label: "缩小", role: "zoomOut", accelerator: "CmdOrCtrl+-" },
        { label: "实际大小", role: "resetZoom", accelerator: "CmdOrCtrl+0" },
        { label: "全屏", role: "togglefullscreen", accelerator: "F11" },
      ],
    },
    { label: "帮助", submenu: [{ label: "关于年报", click: actions.about }] },
  ];
}
