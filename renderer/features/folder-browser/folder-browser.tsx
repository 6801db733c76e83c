import { useEffect, useMemo, useState, type ReactNode } from "react";
import type { FolderEntry } from "../../../core/api/contract";
import { useSessionStore } from "../../state/session-store";
import { notifyError } from "../../state/notify-error";
import { parentFolder } from "../../platform/host-path";

export interface FolderBrowser {
  /** The folders the host was started with (`serve --dir`): the only places it reads or writes. */
  roots: readonly string[];
  folder: string | null;
  setFolder: (folder: string) => void;
  entries: FolderEntry[];
}

/** Browses the allowed folders with one of the host's listing methods (all files, or importable ones). */
export function useFolderBrowser(method: "listFolder" | "listImportable"): FolderBrowser {
  const api = useSessionStore((s) => s.api);
  const hostInfo = useSessionStore((s) => s.hostInfo);
  const roots = useMemo(() => hostInfo?.folders ?? [], [hostInfo]);
  // Initial value in the first render, not an effect: keys typed at once must not be overwritten.
  const [folder, setFolder] = useState<string | null>(() => roots[0] ?? null);
  const [entries, setEntries] = useState<FolderEntry[]>([]);
  useEffect(() => {
    if (api === null || folder === null) return;
    void api[method]({ path: folder }).then(setEntries, notifyError);
  }, [api, folder, method]);
  return { roots, folder, setFolder, entries };
}

/** One button per allowed folder; the current one is marked. */
export function FolderRoots({ browser }: { browser: FolderBrowser }) {
  return browser.roots.map((root) => (
    <button key={root} type="button" className={root === browser.folder ? "is-active" : undefined} onClick={() => browser.setFolder(root)}>
      {root}
    </button>
  ));
}

/** The current folder's entries: 上一级 (never above an allowed folder), sub-folders, and files as `renderFile` draws them. */
export function FolderEntries({
  browser,
  renderFile,
  emptyText,
  label,
}: {
  browser: FolderBrowser;
  renderFile: (entry: FolderEntry) => ReactNode;
  emptyText: string;
  label?: string;
}) {
  const { folder, roots, entries, setFolder } = browser;
  const parent = folder !== null && !roots.includes(folder) ? parentFolder(folder) : null;
  return (
    <ul className="file-dialog__list" aria-label={label}>
      {parent !== null && (
        <li>
          <button type="button" className="link" onClick={() => setFolder(parent)}>
            ⬆ 上一级
          </button>
        </li>
      )}
      {entries.map((entry) => (
        <li key={entry.path}>
          {entry.kind === "folder" ? (
            <button type="button" className="link" onClick={() => setFolder(entry.path)}>
              📁 {entry.name}
            </button>
          ) : (
            renderFile(entry)
          )}
        </li>
      ))}
      {entries.length === 0 && <li className="muted">{emptyText}</li>}
    </ul>
  );
}
