import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { isProcessAlive } from "../is-process-alive";

/*
 * A document's Yjs updates on disk, so that an update the server acknowledged survives the
 * server being killed: each one is appended and flushed before Hocuspocus answers the client.
 * Every server process keeps its own log per document (several processes share a folder when
 * they share Redis); a log starts with the whole document and is replaced by a fresh one after
 * each save of the .nianbao. Written by hand: a length-prefixed append-only file is all it needs.
 *
 * Record: 1 byte kind, 4 bytes length (LE), payload. Kind 1 is a Yjs update, kind 2 a save mark
 * (JSON: the .nianbao's version, when, and the document's Yjs snapshot at that save).
 */
const UPDATE = 1;
const SAVED = 2;

export interface SaveMark {
  version: string;
  at: string;
  /** Y.encodeSnapshot of the document whose content went into that save, base64. */
  snapshot: string;
}

export interface LogContents {
  updates: Uint8Array[];
  marks: SaveMark[];
}

function record(kind: number, payload: Uint8Array): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(kind, 0);
  head.writeUInt32LE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

/** Reads a log; a record cut short by a kill (the last one, never acknowledged) is ignored. */
export function readLog(path: string): LogContents {
  const bytes = readFileSync(path);
  const updates: Uint8Array[] = [];
  const marks: SaveMark[] = [];
  let at = 0;
  while (at + 5 <= bytes.length) {
    const kind = bytes.readUInt8(at);
    const length = bytes.readUInt32LE(at + 1);
    if (at + 5 + length > bytes.length) break;
    const payload = bytes.subarray(at + 5, at + 5 + length);
    if (kind === UPDATE) updates.push(new Uint8Array(payload));
    else if (kind === SAVED) marks.push(JSON.parse(payload.toString("utf8")) as SaveMark);
    at += 5 + length;
  }
  return { updates, marks };
}

export interface LogFile {
  name: string;
  path: string;
  /** The process that writes it, when it ran on this machine: a dead one's log may be removed once merged. */
  ownerAlive: boolean;
}

const LOG_NAME = /^(.+)\.(\d+)\.([0-9a-f]{8})\.ylog$/u;

export function listLogs(folder: string): LogFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const match = LOG_NAME.exec(name);
    if (match === null) return [];
    const [, host, pid] = match;
    return [{ name, path: join(folder, name), ownerAlive: host !== hostname() || isProcessAlive(Number(pid)) }];
  });
}

/** This process's log of one document. */
export class UpdateLog {
  private fd: number;
  readonly path: string;
  private readonly folder: string;

  /** Starts a log holding `state` (the whole document) and, if given, the save it matches. */
  constructor(folder: string, state: Uint8Array, mark: SaveMark | null) {
    mkdirSync(folder, { recursive: true });
    this.folder = folder;
    this.path = join(folder, `${hostname()}.${process.pid}.${randomBytes(4).toString("hex")}.ylog`);
    this.fd = this.writeFresh(this.path, state, mark);
  }

  /** Appends one update and flushes it to the disk before returning. */
  append(update: Uint8Array): void {
    writeSync(this.fd, record(UPDATE, update));
    fdatasyncSync(this.fd);
  }

  /** After a save: the log becomes the whole document and its save mark, atomically. */
  restart(state: Uint8Array, mark: SaveMark): void {
    const temp = `${this.path}.tmp`;
    const fd = this.writeFresh(temp, state, mark);
    renameSync(temp, this.path);
    syncFolder(this.folder);
    closeSync(this.fd);
    this.fd = fd;
  }

  close(): void {
    closeSync(this.fd);
  }

  private writeFresh(path: string, state: Uint8Array, mark: SaveMark | null): number {
    const fd = openSync(path, "w", 0o600);
    writeSync(fd, record(UPDATE, state));
    if (mark !== null) writeSync(fd, record(SAVED, Buffer.from(JSON.stringify(mark), "utf8")));
    fsyncSync(fd);
    closeSync(fd);
    syncFolder(this.folder);
    return openSync(path, "a");
  }
}

function syncFolder(folder: string): void {
  const fd = openSync(folder, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function removeLog(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: another process merged it first.
  }
}
