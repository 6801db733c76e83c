import { useMemo, useState } from "react";
import { parentFolder } from "../../platform/host-path";
import { useSessionStore } from "../../state/session-store";

/** Where an export goes: a folder the host may write (the report's own first) and a file name. */
export interface SaveTarget {
  folders: string[];
  folder: string;
  setFolder: (folder: string) => void;
  name: string;
  setName: (name: string) => void;
  /** The name without surrounding spaces and without an extension the clerk typed. */
  cleanName: string;
  nameOk: boolean;
}

export function useSaveTarget(reportPath: string | null, initialName: () => string, extensions: readonly string[]): SaveTarget {
  const hostInfo = useSessionStore((s) => s.hostInfo);
  const folders = useMemo(() => {
    const own = reportPath === null ? [] : [parentFolder(reportPath)];
    return [...new Set([...own, ...(hostInfo?.folders ?? [])])];
  }, [hostInfo, reportPath]);
  const [picked, setFolder] = useState(folders[0] ?? "");
  // The report may be saved to a new folder while the form is open.
  const folder = folders.includes(picked) ? picked : (folders[0] ?? "");
  const [name, setName] = useState(initialName);
  const typedExtension = new RegExp(`\\.(${extensions.join("|")})$`, "i");
  const cleanName = name.trim().replace(typedExtension, "");
  const nameOk = cleanName !== "" && !/[\\/:*?"<>|]/.test(cleanName);
  return { folders, folder, setFolder, name, setName, cleanName, nameOk };
}

/** 保存到 and 文件名, with the reason a name is refused. */
export function SaveTargetFields({ target, nameLabel }: { target: SaveTarget; nameLabel: string }) {
  return (
    <>
      <label>
        保存到
        <select aria-label="保存到" value={target.folder} onChange={(e) => target.setFolder(e.target.value)}>
          {target.folders.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        文件名
        <input aria-label={nameLabel} value={target.name} onChange={(e) => target.setName(e.target.value)} />
      </label>
      {!target.nameOk && <p className="error">文件名不能为空，也不能含有 \ / : * ? " &lt; &gt; |。</p>}
    </>
  );
}
