import { useEffect, useState } from "react";
import type { TeamConnection, TeamMember } from "../../team/team-connection";
import { useUiStore } from "../../state/ui-store";
import { useSessionStore } from "../../state/session-store";
import { CLEAR_TEAM_CHANGES } from "../../editor/extensions/team-changes/team-changes";
import "./team-bar.css";

interface TeamView {
  state: TeamConnection["state"];
  unconfirmed: number;
  members: TeamMember[];
}

function viewOf(team: TeamConnection): TeamView {
  return { state: team.state, unconfirmed: team.unconfirmed(), members: team.members() };
}

/** Who is editing with this member, and whether their changes have reached the team server. */
export function TeamBar({ team }: { team: TeamConnection }) {
  const [view, setView] = useState<TeamView>(() => viewOf(team));
  useEffect(() => {
    const unlisten = team.onChange(() => setView(viewOf(team)));
    const unrefuse = team.onRefused((zh) => useUiStore.getState().notify("error", zh));
    return () => {
      unlisten();
      unrefuse();
    };
  }, [team]);
  const me = team.user;
  const [changes, setChanges] = useState(team.changedSinceLastOpen);
  const writers = [...new Set(changes.flatMap((c) => c.by))];
  const seen = () => {
    const editor = useSessionStore.getState().editor;
    if (editor !== null && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(CLEAR_TEAM_CHANGES, true));
    setChanges([]);
  };
  return (
    <div className={`team-bar team-bar--${view.state}`} role="status" aria-label="团队协作">
      <span className="team-bar__state">
        {view.state === "connected"
          ? view.unconfirmed > 0
            ? "团队：正在同步…"
            : "团队：已同步"
          : `团队：离线${view.unconfirmed > 0 ? `，${view.unconfirmed} 处修改待同步` : ""}，连接恢复后自动合并`}
      </span>
      {me !== null && (
        <span className="team-bar__me">
          我：{me.name}（{me.role}）
        </span>
      )}
      {changes.length > 0 && (
        <span className="team-bar__changes">
          自上次打开以来，{writers.join("、")}修改了 {changes.length} 段（左侧紫线标出）
          <button type="button" onClick={seen}>
            已阅
          </button>
        </span>
      )}
      <span className="team-bar__members" aria-label="在线成员">
        {view.members.length === 0
          ? "暂无其他成员在线"
          : view.members.map((m) => (
              <span key={m.clientId} className="team-bar__member" style={{ borderColor: m.color }}>
                {m.name}（{m.role}）
              </span>
            ))}
      </span>
    </div>
  );
}
