import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../../../support/template";

const FILL_SCRIPT = join(repoRoot, "test/host/collect/support/fill-workbook.py");

/** The Debian python3 with python3-openpyxl: the first interpreter that can import it. */
function openpyxlPython(): string {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    if (spawnSync(candidate, ["-c", "import openpyxl"]).status === 0) return candidate;
  }
  throw new Error("python3-openpyxl is not installed (apt-get install python3-openpyxl)");
}

export interface Filling {
  values?: Record<string, string | number>;
  qualifiers?: Record<string, string>;
  notes?: Record<string, string>;
  respondent?: string;
  phone?: string;
  /** Cells to overwrite outside the input cells, e.g. { B2: "…" }. */
  cells?: Record<string, string>;
}

/** Fills a data-request workbook with openpyxl, an independent writer, as a department's own tool would. */
export function fillWorkbook(source: string, target: string, filling: Filling): void {
  const r = spawnSync(openpyxlPython(), [FILL_SCRIPT, source, target, JSON.stringify(filling)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`fill-workbook.py failed: ${r.stderr}`);
}

/** A workbook openpyxl makes from nothing: an .xlsx, but not one of our requests. */
export function randomWorkbook(target: string): void {
  const script = `import openpyxl, sys\nwb = openpyxl.Workbook()\nws = wb.active\nws.title = "数据"\nws["A1"] = "字段编号"\nws["F1"] = "本年数值"\nws["A2"] = "f16"\nws["F2"] = 612\nwb.save(sys.argv[1])\n`;
  const r = spawnSync(openpyxlPython(), ["-c", script, target], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr}`);
}

/**
 * The container Excel and WPS write when a workbook has an open password: an OLE compound file
 * (not a zip) with the EncryptionInfo and EncryptedPackage streams. Only the container's marks
 * are made here; LibreOffice 7.4 cannot save an encrypted .xlsx from the command line.
 */
export function encryptedWorkbookContainer(): Uint8Array {
  const bytes = new Uint8Array(8192);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(Buffer.from("EncryptionInfo", "utf16le"), 1024);
  bytes.set(Buffer.from("EncryptedPackage", "utf16le"), 1152);
  return bytes;
}
