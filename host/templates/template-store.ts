import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { parseTemplate } from "../../core/model/parse-template";
import type { Template } from "../../core/model/template";
import { templatesDir } from "../paths";

const TEMPLATE_ID = /^[a-z0-9-]{1,64}$/;

/** The statutory 法治政府建设年度报告 template: what a Word or text report is read against unless told otherwise. */
export const DEFAULT_TEMPLATE_ID = "fazhi-zhengfu-niandu-baogao";

export async function listTemplateIds(dir = templatesDir()): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && TEMPLATE_ID.test(e.name)).map((e) => e.name).sort();
}

/** Reads and validates templates/<id>/template.json. */
export async function loadTemplate(id: string, dir = templatesDir()): Promise<Template> {
  if (!TEMPLATE_ID.test(id)) {
    throw new NianbaoError("template_not_found", `模板编号无效：${id}`, `invalid template id: ${id}`);
  }
  const file = join(dir, id, "template.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    const known = await listTemplateIds(dir).catch(() => []);
    throw new NianbaoError(
      "template_not_found",
      `找不到模板“${id}”。可用模板：${known.join("、") || "（无）"}`,
      `template not found: ${id}; available: ${known.join(", ") || "(none)"}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const en = error instanceof Error ? error.message : String(error);
    throw new NianbaoError("template_invalid", `模板文件不是有效的 JSON（${file}）：${en}`, `template is not valid JSON (${file}): ${en}`);
  }
  const template = parseTemplate(raw, file);
  if (template.id !== id) {
    throw new NianbaoError("template_invalid", `模板文件中的编号（${template.id}）与文件夹名（${id}）不一致。`, `template id ${template.id} does not match its folder ${id}`);
  }
  return template;
}
