import { NianbaoError } from "../errors/nianbao-error";
import { Template } from "./template";
import { describeIssues } from "./zod-issues";

/** Validates template data; a broken template names the file and every bad path. */
export function parseTemplate(raw: unknown, source: string): Template {
  const parsed = Template.safeParse(raw);
  if (parsed.success) return parsed.data;
  const detail = describeIssues(parsed.error);
  throw new NianbaoError("template_invalid", `模板文件有误（${source}）：\n${detail}`, `invalid template (${source}):\n${detail}`);
}
