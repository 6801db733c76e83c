// The renderer cannot load node:path, and host paths may be POSIX or Windows: both separators count.

/** The folder a host path is in. */
export function parentFolder(path: string): string {
  return path.replace(/[\\/][^\\/]+$/, "");
}

/** The last segment of a host path: the file's name. */
export function fileNameOf(path: string): string {
  return path.replace(/^.*[\\/]/, "");
}
