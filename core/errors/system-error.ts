export type SystemErrorCode = "not_found" | "io_error" | "forbidden";

export interface SystemErrorMessage {
  code: SystemErrorCode;
  zh: string;
  en: string;
}

/** What the program was doing with the file, for the message. */
export type FileAction = "read" | "write";

const ACTION_ZH: Record<FileAction, string> = { read: "读取", write: "写入" };

/** The reason in Chinese for each operating-system error code a file operation can meet. */
const REASONS: Readonly<Record<string, { zh: string; code: SystemErrorCode }>> = {
  ENOENT: { zh: "文件或文件夹不存在", code: "not_found" },
  ENOTDIR: { zh: "路径中有一部分不是文件夹", code: "not_found" },
  EACCES: { zh: "没有权限：文件或所在文件夹不允许访问", code: "forbidden" },
  EPERM: { zh: "操作不被允许：文件可能只读、被锁定或受系统保护", code: "forbidden" },
  EROFS: { zh: "所在磁盘为只读", code: "forbidden" },
  EISDIR: { zh: "这是一个文件夹，不是文件", code: "io_error" },
  EEXIST: { zh: "同名文件已存在", code: "io_error" },
  ENOSPC: { zh: "磁盘空间不足", code: "io_error" },
  EDQUOT: { zh: "磁盘配额已用完", code: "io_error" },
  EMFILE: { zh: "同时打开的文件过多", code: "io_error" },
  ENFILE: { zh: "同时打开的文件过多", code: "io_error" },
  ENAMETOOLONG: { zh: "文件名或路径过长", code: "io_error" },
  ELOOP: { zh: "符号链接层数过多，可能成环", code: "io_error" },
  EBUSY: { zh: "文件正被其他程序使用", code: "io_error" },
  ETXTBSY: { zh: "文件正被其他程序使用", code: "io_error" },
  EIO: { zh: "磁盘读写出错", code: "io_error" },
  EXDEV: { zh: "不能跨磁盘移动文件", code: "io_error" },
  EINVAL: { zh: "文件名无效", code: "io_error" },
};

interface SystemErrorLike {
  code: string;
  path?: string;
  syscall?: string;
}

/** An error thrown by the operating system (Node's fs, net, child_process), recognised by its shape. */
export function isSystemError(error: unknown): error is SystemErrorLike {
  return (
    typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" && /^E[A-Z0-9]+$/.test(error.code)
  );
}

/**
 * An operating-system error as a message in Chinese and English naming the file, never the raw
 * `EACCES: permission denied, open '…'`; null when `error` is no system error.
 */
export function systemErrorMessage(error: unknown, path?: string, action?: FileAction): SystemErrorMessage | null {
  if (!isSystemError(error)) return null;
  const file = path ?? error.path ?? "";
  const reason = REASONS[error.code] ?? { zh: `系统错误 ${error.code}`, code: "io_error" as const };
  const what = action === undefined ? "无法访问" : `无法${ACTION_ZH[action]}`;
  const detail = error instanceof Error ? error.message : error.code;
  return {
    code: reason.code,
    zh: `${what}${file === "" ? "" : `：${file}`}（${reason.zh}）。`,
    en: `cannot ${action ?? "access"} ${file === "" ? "the file" : file}: ${detail}`,
  };
}
