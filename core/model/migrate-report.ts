import { z } from "zod";
import { NianbaoError } from "../errors/nianbao-error";
import { migrateV0ToV1 } from "./migrations/v0-to-v1";
import { Report, SCHEMA_VERSION } from "./report";
import { describeIssues } from "./zod-issues";

/** steps[n] turns a version-n document into version n+1. */
const steps: Record<number, (raw: unknown) => unknown> = {
  0: migrateV0ToV1,
};

export interface MigratedReport {
  report: Report;
  /** The version the file was written in, when it was older than this build's. */
  migratedFrom: number | null;
}

const Versioned = z.object({ schemaVersion: z.number().int().min(0) });

/** Validates a parsed .nianbao document, upgrading older schema versions step by step. */
export function migrateReport(raw: unknown): MigratedReport {
  const versioned = Versioned.safeParse(raw);
  if (!versioned.success) {
    const given = typeof raw === "object" && raw !== null && "schemaVersion" in raw ? raw.schemaVersion : undefined;
    if (given === undefined) {
      throw new NianbaoError(
        "file_invalid",
        "这不是年报文件：缺少版本号 schemaVersion。",
        "not a Nianbao report: schemaVersion is missing",
      );
    }
    // 1e309 parses as Infinity; JSON.stringify would show it as null.
    const shown = typeof given === "number" ? String(given) : JSON.stringify(given).slice(0, 40);
    throw new NianbaoError(
      "file_invalid",
      `文件的版本号 schemaVersion 无效（${shown}），应为 0 到 ${SCHEMA_VERSION} 之间的整数；文件可能已损坏。`,
      `the file's schemaVersion is invalid (${shown}); expected an integer from 0 to ${SCHEMA_VERSION}`,
    );
  }
  const from = versioned.data.schemaVersion;
  if (from > SCHEMA_VERSION) {
    throw new NianbaoError(
      "file_too_new",
      `此文件由较新版本的年报保存（文件格式第 ${from} 版，本程序支持到第 ${SCHEMA_VERSION} 版），请升级年报后再打开。`,
      `this file was saved by a newer Nianbao (schema version ${from}; this build reads up to ${SCHEMA_VERSION}); upgrade to open it`,
    );
  }
  let current = raw;
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = steps[version];
    if (!step) {
      throw new NianbaoError("file_invalid", `无法升级第 ${version} 版的文件格式。`, `no migration from schema version ${version}`);
    }
    try {
      current = step(current);
    } catch (error) {
      const detail = error instanceof z.ZodError ? describeIssues(error) : error instanceof Error ? error.message : String(error);
      throw new NianbaoError(
        "file_invalid",
        `文件格式第 ${version} 版的内容有误，无法升级：\n${detail}`,
        `cannot migrate schema version ${version}: ${detail}`,
        { cause: error },
      );
    }
  }
  const parsed = Report.safeParse(current);
  if (!parsed.success) {
    const detail = describeIssues(parsed.error);
    throw new NianbaoError(
      "file_invalid",
      `文件内容不符合年报格式：\n${detail}`,
      `the report does not match the Nianbao schema:\n${detail}`,
    );
  }
  return { report: parsed.data, migratedFrom: from < SCHEMA_VERSION ? from : null };
}
