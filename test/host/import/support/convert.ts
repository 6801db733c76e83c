import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { libreOfficeConvert } from "../../../support/pdf-readers";

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "nianbao-import-"));

/** `pandoc in.md -o out.docx`: Heading 1/2/3 styles, First Paragraph/Body Text, as pandoc users get. */
export function pandocToDocx(markdownPath: string): string {
  const out = join(tempDir(), `${basename(markdownPath)}.docx`);
  const r = spawnSync("pandoc", [markdownPath, "-o", out], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
  return out;
}

/**
 * LibreOffice's text import (one "Preformatted Text" paragraph per line), as when a clerk opens a
 * .txt in Writer and saves it as .docx. Markdown marks are stripped first; each run gets its own
 * profile directory (in libreOfficeConvert) because concurrent soffice runs sharing one fail (stack-notes.md §5.2).
 */
export function libreOfficeToDocx(path: string): string {
  const dir = tempDir();
  const txt = join(dir, `${basename(path).replace(/\.\w+$/u, "")}.txt`);
  writeFileSync(txt, readFileSync(path, "utf8").replace(/^#+\s*/gmu, ""));
  libreOfficeConvert([txt], dir, "docx:MS Word 2007 XML", "Text (encoded):UTF8,LF,,,");
  return txt.replace(/\.txt$/u, ".docx");
}
