import type { KeyboardEvent } from "react";
import { commandById, runCommand } from "../../commands/command-table";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useUiStore, type SidePanel } from "../../state/ui-store";
import { ParagraphStyleSelect } from "../paragraph-style/paragraph-style-select";

const GROUPS: readonly (readonly string[])[] = [
  ["file.new", "file.newFromLastYear", "file.open", "file.save"],
  ["edit.undo", "edit.redo"],
  ["edit.insertField", "edit.toField", "edit.addSubsection", "edit.reportInfo"],
  ["view.outline", "view.fields", "view.checks", "view.compare", "view.overview", "view.signoff"],
  ["file.exportDocx", "file.exportPdf", "file.collect"],
];

const PANEL_OF: Readonly<Record<string, SidePanel>> = {
  "view.outline": "outline",
  "view.fields": "fields",
  "view.checks": "checks",
  "view.signoff": "signoff",
  "view.compare": "compare",
  "view.overview": "overview",
};

const STATUS_TEXT = { clean: "已保存", dirty: "未保存", saving: "正在保存…", error: "保存失败" } as const;

/** ←/→ move between the toolbar's buttons, as in a ribbon (the ARIA toolbar pattern); Tab works too. */
function handleArrows(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
  if (!(event.target instanceof HTMLButtonElement)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  const next = buttons[buttons.indexOf(event.target) + (event.key === "ArrowRight" ? 1 : -1)];
  if (next === undefined) return;
  event.preventDefault();
  next.focus();
}

export function Toolbar({ store }: { store: ReportStore }) {
  const status = useReportStore(store, (s) => s.status);
  const panel = useUiStore((s) => s.panel);
  return (
    <div className="toolbar" role="toolbar" aria-label="工具栏" onKeyDown={handleArrows}>
      {GROUPS.map((group, index) => (
        <div key={group.join()} className="toolbar__group">
          {index === 2 && <ParagraphStyleSelect />}
          {group.map((id) => {
            const command = commandById(id);
            if (command === undefined) return null;
            const pressed = PANEL_OF[id] === undefined ? undefined : panel === PANEL_OF[id];
            return (
              <button
                key={id}
                type="button"
                aria-label={command.label}
                {...(pressed === undefined ? {} : { "aria-pressed": pressed })}
                title={command.shortcut === undefined ? command.label : `${command.label}（${command.shortcut}）`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void runCommand(id)}
              >
                {command.label}
              </button>
            );
          })}
        </div>
      ))}
      <span className={`toolbar__status toolbar__status--${status}`} role="status">
        {STATUS_TEXT[status]}
      </span>
    </div>
  );
}
