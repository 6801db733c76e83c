import { useEffect, useState, type FormEvent } from "react";
import type { RecentFile, RecoverySummary, TemplateSummary } from "../../../core/api/contract";
import { runCommand } from "../../commands/command-table";
import { useSessionStore } from "../../state/session-store";
import { notifyError } from "../../state/notify-error";
import { TeamConnectCard } from "../team/team-connect-card";

/** 新建报告, 打开, 最近打开 and, after a crash, the offer to restore unsaved work. */
export function StartPage() {
  const api = useSessionStore((s) => s.api);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [recoveries, setRecoveries] = useState<RecoverySummary[]>([]);
  const [templateId, setTemplateId] = useState("");
  const [org, setOrg] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (api === null) return;
    void Promise.all([api.listTemplates({}), api.listRecent({}), api.listRecoveries({})]).then(([t, r, rec]) => {
      setTemplates(t);
      setTemplateId((current) => current || (t[0]?.id ?? ""));
      setRecent(r);
      setRecoveries(rec);
    }, notifyError);
  }, [api]);

  if (api === null) return null;
  const open = useSessionStore.getState().open;

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await open(await api.newReport({ templateId, org: org.trim(), year: Number(year) }), { startDirty: true });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const openRecent = (path: string) => void api.openReport({ path }).then((opened) => open(opened), notifyError);
  const restore = (id: string) => void api.readRecovery({ reportId: id }).then((opened) => open(opened, { startDirty: true }), notifyError);
  const discard = (id: string) =>
    void api.discardRecovery({ reportId: id }).then(() => setRecoveries((list) => list.filter((r) => r.reportId !== id)), notifyError);

  return (
    <main className="start-page">
      <h1>年报 · 法定年度报告的编写与核对</h1>
      {recoveries.length > 0 && (
        <section className="start-card start-card--warning" aria-label="恢复未保存的内容">
          <h2>发现未保存的内容</h2>
          <p>上次关闭时，以下报告有尚未保存的修改。可以恢复后继续编辑，再保存。</p>
          <ul>
            {recoveries.map((r) => (
              <li key={r.reportId}>
                <span>
                  {r.title}（自动保存于 {new Date(r.savedAt).toLocaleString("zh-CN")}）
                </span>
                <button type="button" onClick={() => restore(r.reportId)}>
                  恢复
                </button>
                <button type="button" onClick={() => discard(r.reportId)}>
                  丢弃
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="start-grid">
        <form className="start-card" aria-label="新建报告" onSubmit={(e) => void handleCreate(e)}>
          <h2>新建报告</h2>
          <label>
            模板
            <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            发文机关
            <input value={org} required maxLength={100} placeholder="如：某某区人民政府" onChange={(e) => setOrg(e.target.value)} />
          </label>
          <label>
            报告年度
            <input value={year} required inputMode="numeric" pattern="\d{4}" onChange={(e) => setYear(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy || templateId === "" || org.trim() === ""}>
            新建报告
          </button>
        </form>
        <section className="start-card" aria-label="打开报告">
          <h2>打开</h2>
          <button type="button" onClick={() => void runCommand("file.open")}>
            打开
          </button>
          <button
            type="button"
            onClick={() => void runCommand("file.newFromLastYear")}
            title="以上年报告为基础新建：识别 Word、Markdown、文本或年报文件"
          >
            导入上年报告
          </button>
          <h3>最近打开</h3>
          {recent.length === 0 ? (
            <p className="muted">暂无。</p>
          ) : (
            <ul className="recent-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button type="button" className="link" onClick={() => openRecent(r.path)} title={r.path}>
                    {r.title}
                    <span className="muted">
                      （{r.org}，{r.reportYear} 年度）
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <TeamConnectCard />
      </div>
    </main>
  );
}
