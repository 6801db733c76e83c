import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import { describeIssues } from "../../core/model/zod-issues";
import { usageError } from "./cli-io";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs, then the zod schema that is the command's argument type. */
export function parseCliArgs<S extends z.ZodType>(args: string[], options: Options, schema: S, usage: string): z.infer<S> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const en = error instanceof Error ? error.message : String(error);
    throw usageError(`参数有误：${en}\n用法：${usage}`, `bad arguments: ${en}\nUsage: ${usage}`);
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    const detail = describeIssues(result.error);
    throw usageError(`参数有误：\n${detail}\n用法：${usage}`, `bad arguments:\n${detail}\nUsage: ${usage}`);
  }
  return result.data;
}
