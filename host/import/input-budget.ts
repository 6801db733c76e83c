import { NianbaoError } from "../../core/errors/nianbao-error";
import { REPORT_LIMITS, tooManyCharacters, tooManyParagraphs } from "../../core/model/report-limits";

/**
 * What one input file may cost to read, whatever its format. A zip bomb can spread itself over
 * many entries, each under a per-entry cap (400 × 16 MB took `inspect` to 6.6 GB), so the budget
 * belongs to the file, not to the entry.
 */
export const INPUT_LIMITS = {
  /** Entries in a zip's central directory; a Word package has about 15. */
  zipEntries: 5_000,
  /** The declared (inflated) sizes of all entries summed, used or not. */
  zipDeclaredBytes: 256 * 1024 * 1024,
  /** One inflated entry; far above the document.xml of a 100-page report (~1 MB). */
  zipEntryBytes: 16 * 1024 * 1024,
  /** Start tags, end tags and text nodes over all XML parts read. */
  xmlEvents: 5_000_000,
  paragraphs: REPORT_LIMITS.paragraphs,
  characters: REPORT_LIMITS.characters,
} as const;

export type InputLimits = { readonly [K in keyof typeof INPUT_LIMITS]: number };

const MB = 1024 * 1024;

/**
 * Counts what reading one input file has cost so far and refuses, with a Chinese message, at the
 * first unit beyond a limit: the checks run while the file is read, before memory can grow.
 */
export class InputBudget {
  private inflated = 0;
  private xmlEvents = 0;
  private paragraphs = 0;
  private characters = 0;

  constructor(
    /** How messages name the file. */
    readonly source: string,
    readonly limits: InputLimits = INPUT_LIMITS,
  ) {}

  /** The central directory as declared: the number of entries and their inflated sizes summed. */
  checkZipDirectory(entries: number, declaredBytes: number): void {
    if (entries > this.limits.zipEntries) {
      throw bomb(
        `压缩包内的文件过多（超过 ${this.limits.zipEntries.toLocaleString("en-US")} 个，上限）`,
        `the package has more than ${this.limits.zipEntries} entries (the limit)`,
      );
    }
    if (declaredBytes > this.limits.zipDeclaredBytes) {
      throw bomb(
        `文档内容解压后过大（共 ${Math.round(declaredBytes / MB).toLocaleString("en-US")} MB，上限 ${this.limits.zipDeclaredBytes / MB} MB）`,
        `all entries would inflate to ${declaredBytes} bytes, beyond ${this.limits.zipDeclaredBytes}`,
      );
    }
  }

  /** Before one entry is inflated into a buffer of its declared size. */
  reserveInflate(name: string, declaredBytes: number): void {
    if (declaredBytes > this.limits.zipEntryBytes) {
      throw bomb(
        `文档内容解压后过大（${name} 超过 ${this.limits.zipEntryBytes / MB} MB，上限）`,
        `${name} would inflate beyond ${this.limits.zipEntryBytes} bytes`,
      );
    }
    if (this.inflated + declaredBytes > this.limits.zipDeclaredBytes) {
      throw bomb(
        `文档内容解压后过大（合计超过 ${this.limits.zipDeclaredBytes / MB} MB，上限）`,
        `the entries read would inflate beyond ${this.limits.zipDeclaredBytes} bytes in all`,
      );
    }
    this.inflated += declaredBytes;
  }

  xmlEvent(): void {
    if (++this.xmlEvents > this.limits.xmlEvents) {
      throw new NianbaoError(
        "file_too_large",
        `文档结构过于复杂（超过 ${this.limits.xmlEvents.toLocaleString("en-US")} 个 XML 元素，上限），可能已损坏或为恶意文件，已拒绝读取：${this.source}`,
        `refused: more than ${this.limits.xmlEvents} XML events (the limit) in ${this.source} (damaged file or XML bomb)`,
      );
    }
  }

  /** One paragraph (or table cell) of `characters` characters has been read. */
  paragraph(characters: number): void {
    if (++this.paragraphs > this.limits.paragraphs) throw tooManyParagraphs(this.source);
    this.text(characters);
  }

  /** Text read outside a finished paragraph (a run still open). */
  text(characters: number): void {
    this.characters += characters;
    if (this.characters > this.limits.characters) throw tooManyCharacters(this.source);
  }
}

function bomb(zh: string, en: string): NianbaoError {
  return new NianbaoError("file_too_large", `${zh}，可能已损坏或为恶意文件，已拒绝读取。`, `refused: ${en} (damaged file or zip bomb)`);
}
