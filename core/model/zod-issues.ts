import type { z } from "zod";

/** Renders zod issues as short "path: message" lines a clerk or a reviewer can act on. */
export function describeIssues(error: z.ZodError, limit = 8): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "(根)";
    return `${path}: ${issue.message}`;
  });
  if (error.issues.length > limit) lines.push(`… 另有 ${error.issues.length - limit} 处 (and ${error.issues.length - limit} more)`);
  return lines.join("\n");
}
