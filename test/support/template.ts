import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseTemplate } from "../../core/model/parse-template";
import type { Template } from "../../core/model/template";

export const repoRoot = join(import.meta.dirname, "..", "..");
export const FAZHI_TEMPLATE_ID = "fazhi-zhengfu-niandu-baogao";

export function readTemplateJson(id = FAZHI_TEMPLATE_ID): unknown {
  return JSON.parse(readFileSync(join(repoRoot, "templates", id, "template.json"), "utf8"));
}

export function fazhiTemplate(): Template {
  return parseTemplate(readTemplateJson(), "template.json");
}

export const XXGK_TEMPLATE_ID = "zhengfu-xinxi-gongkai-niandu-baogao";

/** The 政府信息公开工作年度报告 template as the app loads it. */
export function xxgkTemplate(): Template {
  return parseTemplate(readTemplateJson(XXGK_TEMPLATE_ID), "template.json");
}
