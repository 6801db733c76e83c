import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import * as Y from "yjs";
import { readReportFromYDoc, writeReportToYDoc } from "../../core/collab/report-ydoc";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { Report } from "../../core/model/report";
import { loadReportFile, serializeReport, versionOf } from "../storage/report-file";
import { saveReportGuarded } from "../workflow/save-report-guarded";
import type { PathGuard } from "../services/path-guard";
import { logFolderOf, TEAM_DIR } from "./team-folder";
import { listLogs, readLog, removeLog, UpdateLog, type SaveMark } from "./update-log";

const LOADING = Symbol("loading from disk");

/**
 * The .nianbao a document name (`2024/木渎镇.nianbao`) stands for: a report file inside the team
 * folder (the path guard resolves symlinks, so a link cannot reach outside it), never the team's own state.
 */
export async function reportPathOf(guard: PathGuard, dir: string, documentName: string): Promise<string> {
  const bad = () =>
    new NianbaoError(
      "path_not_allowed",
      `文档名不正确：“${documentName}”。须为团队文件夹中 .nianbao 文件的相对路径，如 2024/木渎镇.nianbao。`,
      `bad document name "${documentName}": it must be the path of a .nianbao file relative to the team folder`,
    );
  if (
    !documentName.endsWith(".nianbao") ||
    documentName.includes("\0") ||
    isAbsolute(documentName) ||
    documentName.split(/[\\/]/u).includes(TEAM_DIR)
  ) {
    throw bad();
  }
  try {
    return await guard.check(resolve(dir, documentName));
  } catch {
    throw bad();
  }
}

function markOf(doc: Y.Doc, version: string, at: string): SaveMark {
  return { version, at, snapshot: Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString("base64") };
}

function sameAsMark(doc: Y.Doc, mark: SaveMark): boolean {
  return Y.equalSnapshots(Y.decodeSnapshot(Buffer.from(mark.snapshot, "base64")), Y.snapshot(doc));
}

/**
 * The first state of a document made from a file. Servers sharing Redis each make it from the same
 * file: made by the same writer (a client id taken from the file's version), the two are the same
 * Yjs items and merge into one text instead of two copies of it.
 */
function seedOf(report: Report, version: string): Uint8Array {
  const seed = new Y.Doc();
  seed.clientID = Number.parseInt(version.slice(0, 8), 16) >>> 1;
  writeReportToYDoc(seed, report);
  seed.getMap("team").set("generation", version.slice(0, 16));
  const update = Y.encodeStateAsUpdate(seed);
  seed.destroy();
  return update;
}

/**
 * A report as a shared document: filled from the update logs when they continue the file on disk,
 * else from the file; then logged update by update and saved back to the .nianbao.
 */
export class TeamDocument {
  private log: UpdateLog | null = null;
  private version = "";
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== LOADING) this.log?.append(update);
  };

  /** `path`: the report file, as reportPathOf confined it. */
  constructor(
    readonly dir: string,
    readonly name: string,
    readonly path: string,
    readonly doc: Y.Doc,
    private readonly now: () => string,
  ) {}

  /** Fills the document; true when the logs held edits the file does not have yet (save soon). */
  async load(): Promise<boolean> {
    const loaded = await loadReportFile(this.path);
    const folder = logFolderOf(this.dir, this.name);
    const logs = listLogs(folder);
    const contents = logs.map((l) => readLog(l.path));
    const marks = contents.flatMap((c) => c.marks).sort((a, b) => a.at.localeCompare(b.at));
    const lastMark = marks.at(-1);
    const replay = new Y.Doc();
    for (const content of contents) for (const update of content.updates) Y.applyUpdate(replay, update, LOADING);
    const hasLogs = contents.some((c) => c.updates.length > 0);
    let unsaved = false;
    if (hasLogs && lastMark !== undefined && lastMark.version === loaded.version) {
      unsaved = !sameAsMark(replay, lastMark);
      Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(replay), LOADING);
    } else if (hasLogs && lastMark !== undefined && !sameAsMark(replay, lastMark)) {
      throw new NianbaoError(
        "report_locked",
        `“${this.name}”在团队服务器停止期间被其他程序修改过，而服务器的更新记录中还有未写入文件的修改，无法自动合并。请备份该文件后删除 ${folder}，再重新打开。`,
        `${this.name} was changed by another program while the team server was down, and the server's log holds edits the file does not have; back it up, remove ${folder} and open it again`,
      );
    } else {
      Y.applyUpdate(this.doc, seedOf(loaded.report, loaded.version), LOADING);
    }
    replay.destroy();
    this.version = loaded.version;
    this.log = new UpdateLog(folder, Y.encodeStateAsUpdate(this.doc), unsaved ? null : markOf(this.doc, loaded.version, this.now()));
    // Every other log is now inside this one; a live process's log stays until that process ends.
    for (const log of logs) if (!log.ownerAlive) removeLog(log.path);
    this.doc.on("update", this.onUpdate);
    return unsaved;
  }

  /** Writes the document to its .nianbao (refusing to overwrite a change made by another program) and restarts the log. */
  async save(): Promise<void> {
    const report = readReportFromYDoc(this.doc);
    const snapshotAt = Y.snapshot(this.doc);
    const next = { ...report, updatedAt: this.now() };
    await this.followPeerSaves();
    await saveReportGuarded(this.path, next, { expectedVersion: this.version });
    this.version = versionOf(serializeReport(next));
    const mark = { version: this.version, at: this.now(), snapshot: Buffer.from(Y.encodeSnapshot(snapshotAt)).toString("base64") };
    this.log?.restart(Y.encodeStateAsUpdate(this.doc), mark);
  }

  /**
   * Servers sharing documents through Redis save the same file in turn: a version another team
   * server wrote (its save mark is in the document's logs) is not a change by another program.
   */
  private async followPeerSaves(): Promise<void> {
    const onDisk = versionOf(await readFile(this.path));
    if (onDisk === this.version) return;
    const folder = logFolderOf(this.dir, this.name);
    if (listLogs(folder).some((log) => readLog(log.path).marks.some((mark) => mark.version === onDisk))) this.version = onDisk;
  }

  close(): void {
    this.doc.off("update", this.onUpdate);
    this.log?.close();
    this.log = null;
  }
}
