import { INPUT_LIMITS } from "../import/input-budget";

/**
 * Bounds on reading returned workbooks. A request of a few hundred fields is a 20 KB .xlsx; the
 * bounds leave room for a department that pasted images, and refuse what is not a data request.
 */
export const COLLECT_LIMITS = {
  /** One returned workbook on disk. */
  fileBytes: 20 * 1024 * 1024,
  /** Workbooks in one import. */
  files: 500,
  /** Data rows one request may hold. */
  rows: 2000,
  /** The zip budget checked before the spreadsheet library sees the bytes (host/import/bounded-zip.ts). */
  input: { ...INPUT_LIMITS, zipEntries: 1000, zipDeclaredBytes: 128 * 1024 * 1024, zipEntryBytes: 64 * 1024 * 1024 },
} as const;
