import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BlockNode, DocNode, InlineNode, ParagraphNode, PartNode } from "../../core/model/doc";
import type { FieldInput } from "../../core/model/field";
import { Report, SCHEMA_VERSION } from "../../core/model/report";
import { repoRoot } from "./template";

/*
 * A fixture builder, not an importer: it splits the published Markdown by its heading patterns
 * (一、 level 1, （一） level 2) whatever the "#" count says, and reads the closing 署名 and date.
 */

const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^（[一二三四五六七八九十]+）/;
const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** The published 2023 木渎镇 report (domain.md §2), the seed most tests and benchmarks start from. */
export const FIXTURE_MARKDOWN = join(repoRoot, "test/fixtures/mudu-2023-fazhi-report.md");

export function readFixtureMarkdown(): string {
  return readFileSync(FIXTURE_MARKDOWN, "utf8");
}

export function reportFromMarkdown(markdown: string, overrides: { profile?: Partial<Report["meta"]["profile"]> } = {}): Report {
  const lines = markdown
    .split(/\n\s*\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  let title = "";
  let org = "";
  let date: string | null = null;
  const opening: BlockNode[] = [];
  const parts: PartNode[] = [];
  for (const raw of lines) {
    const text = raw.replace(/^#+\s*/, "");
    const dateMatch = DATE.exec(text);
    if (raw.startsWith("# ") && title === "") title = text;
    else if (dateMatch !== null) date = `${dateMatch[1]}-${dateMatch[2]?.padStart(2, "0")}-${dateMatch[3]?.padStart(2, "0")}`;
    else if (LEVEL1.test(text)) parts.push({ type: "part", attrs: { partId: null }, content: [heading(1, text)] });
    else if (LEVEL2.test(text) && raw.startsWith("#")) (parts.at(-1)?.content ?? opening).push(heading(2, text));
    else if (/人民政府$|委员会$|办公室$/.test(text) && text.length < 30) org = text;
    else (parts.at(-1)?.content ?? opening).push(paragraph([{ type: "text", text }]));
  }
  const body: DocNode = { type: "doc", content: [...opening.filter((b): b is ParagraphNode => b.type === "paragraph"), ...parts] };
  return buildReport({ title, org, date, body, profile: overrides.profile ?? {} });
}

export function buildReport(input: {
  title: string;
  org: string;
  date: string | null;
  body: DocNode;
  fields?: Record<string, FieldInput>;
  profile?: Partial<Report["meta"]["profile"]>;
  note?: string;
  attachments?: { title: string; body: DocNode }[];
}): Report {
  const now = "2024-01-17T09:00:00.000+08:00";
  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    id: "fixture-report-0001",
    template: { id: "fazhi-zhengfu-niandu-baogao", version: 1 },
    meta: {
      title: input.title,
      recipient: null,
      org: input.org,
      reportYear: 2023,
      date: input.date,
      docNumber: null,
      profile: input.profile ?? {},
      note: input.note ?? null,
      attachments: input.attachments ?? [],
    },
    body: input.body,
    fields: input.fields ?? {},
    createdAt: now,
    updatedAt: now,
  });
}

export function heading(level: 1 | 2 | 3 | 4, text: string): BlockNode {
  return { type: "heading", attrs: { level, carried: false }, content: [{ type: "text", text }] };
}

export function paragraph(content: InlineNode[]): ParagraphNode {
  return { type: "paragraph", attrs: { carried: false }, content };
}

/** The fixture report: the real 2023 木渎镇 report, as the exporter receives it. */
export function fixtureReport(profile: Partial<Report["meta"]["profile"]> = {}): Report {
  return reportFromMarkdown(readFixtureMarkdown(), { profile });
}
