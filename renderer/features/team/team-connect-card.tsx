import { useState, type FormEvent } from "react";
import { useSessionStore } from "../../state/session-store";
import { errorText } from "../../state/notify-error";
import { TeamConnection } from "../../team/team-connection";

const LAST_SERVER_KEY = "nianbao.teamServer";

/** 团队协作: open a report that several colleagues edit at once on the unit's team server. */
export function TeamConnectCard() {
  const [url, setUrl] = useState(() => localStorage.getItem(LAST_SERVER_KEY) ?? "ws://127.0.0.1:1234");
  const [document, setDocument] = useState("");
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!/^wss?:\/\/[^\s]+$/u.test(url.trim())) throw new Error("服务器地址应以 ws:// 或 wss:// 开头，如 ws://192.168.1.10:1234");
      const team = await TeamConnection.open({ url: url.trim(), document: document.trim(), token: token.trim() });
      localStorage.setItem(LAST_SERVER_KEY, url.trim());
      await useSessionStore.getState().openTeam(team);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="start-card" aria-label="团队协作" onSubmit={(e) => void connect(e)}>
      <h2>团队协作</h2>
      <p className="muted">与同事同时编辑本单位团队服务器上的报告（nianbao team-server）。</p>
      <label>
        服务器地址
        <input value={url} required onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label>
        报告
        <input value={document} required placeholder="如：2024/木渎镇.nianbao" onChange={(e) => setDocument(e.target.value)} />
      </label>
      <label>
        口令
        <input value={token} required type="password" autoComplete="off" onChange={(e) => setToken(e.target.value)} />
      </label>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || document.trim() === "" || token.trim() === ""}>
        {busy ? "正在连接…" : "连接"}
      </button>
    </form>
  );
}
