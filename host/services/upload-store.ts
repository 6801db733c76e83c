import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";

export interface Upload {
  /** Where the bytes were written, under the upload folder. */
  path: string;
  /** The name the clerk's file had (a dropped file's path is never known to the page). */
  name: string;
}

export interface UploadStore {
  put: (name: string, bytes: Uint8Array) => Promise<string>;
  get: (uploadId: string) => Upload | undefined;
  drop: (uploadId: string) => Promise<void>;
}

/**
 * Files the page sent as bytes (a drop or a file chooser in browser mode), written to the host's
 * private upload folder under unguessable ids. Only the last `keep` are kept: an upload is read
 * right after it arrives, and each one is a copy of a clerk's document.
 */
export function createUploadStore(dir: string, keep: number): UploadStore {
  const uploads = new Map<string, Upload>();
  const drop = async (uploadId: string) => {
    const upload = uploads.get(uploadId);
    uploads.delete(uploadId);
    if (upload !== undefined) await rm(upload.path, { force: true });
  };
  return {
    put: async (name, bytes) => {
      // Unguessable, unlike report ids: it names a file the host will read back.
      const uploadId = randomUUID();
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${uploadId}${extname(name).toLowerCase()}`);
      await writeFile(path, bytes, { mode: 0o600 });
      uploads.set(uploadId, { path, name: basename(name.replace(/\\/g, "/")) });
      for (const old of [...uploads.keys()].slice(0, Math.max(0, uploads.size - keep))) await drop(old);
      return uploadId;
    },
    get: (uploadId) => uploads.get(uploadId),
    drop,
  };
}
