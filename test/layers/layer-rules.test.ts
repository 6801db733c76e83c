import { ESLint } from "eslint";
import ts from "typescript";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/template";

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ""}: ${m.message}`);
}

/** Type-checks source text with a layer's own compiler options (its lib and types). */
function typeErrorsUnder(tsconfig: string, fileName: string, code: string): string[] {
  const configPath = join(repoRoot, tsconfig);
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(repoRoot, tsconfig, ".."));
  const file = join(repoRoot, fileName);
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (p) => (p === file ? code : readFile(p));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (p) => p === file || fileExists(p);
  const program = ts.createProgram([file], parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("the layer rules", () => {
  it("fail a core file that imports from host, electron, react or Node", async () => {
    const messages = await lintAs(
      "core/model/bad-import.ts",
      [
        'import { appRoot } from "../../host/paths";',
        'import { readFileSync } from "node:fs";',
        'import { create } from "zustand";',
        "export const x = [appRoot, readFileSync, create];",
      ].join("\n"),
    );
    expect(messages.filter((m) => m.startsWith("no-restricted-imports"))).toHaveLength(3);
  });

  it("fail a core file that uses document, Buffer or an ambient clock", async () => {
    const messages = await lintAs("core/model/bad-globals.ts", "export const x = [document.title, Buffer.from('a'), Date.now()];\n");
    expect(messages.some((m) => m.includes("core has no DOM"))).toBe(true);
    expect(messages.some((m) => m.includes("core has no Node globals"))).toBe(true);
    expect(messages.some((m) => m.includes("clock injected"))).toBe(true);
  });

  it("make document and Buffer type errors under core's tsconfig, but not under host's", () => {
    const code = "export const x = [document.title, Buffer.from('a')];\n";
    const core = typeErrorsUnder("core/tsconfig.json", "core/model/probe.ts", code);
    expect(core.some((m) => m.includes("Cannot find name 'document'"))).toBe(true);
    expect(core.some((m) => m.includes("Cannot find name 'Buffer'"))).toBe(true);
    const host = typeErrorsUnder("host/tsconfig.json", "host/probe.ts", "export const x = Buffer.from('a');\n");
    expect(host).toEqual([]);
  });

  it("fail renderer code that reaches into host or Node, and host code that imports electron", async () => {
    expect(
      await lintAs(
        "renderer/app/bad.ts",
        'import { loadTemplate } from "../../host/templates/template-store";\nexport const x = loadTemplate;\n',
      ),
    ).toHaveLength(1);
    expect(await lintAs("host/bad.ts", 'import { app } from "electron";\nexport const x = app;\n')).toHaveLength(1);
  });

  it("fail a renderer worker that imports anything but core", async () => {
    const messages = await lintAs(
      "renderer/workers/bad.worker.ts",
      [
        'import { checkReport } from "../../core/checks/check-report";',
        'import { useUiStore } from "../state/ui-store";',
        'import { create } from "zustand";',
        "export const x = [checkReport, useUiStore, create];",
      ].join("\n"),
    );
    expect(messages.filter((m) => m.startsWith("no-restricted-imports"))).toHaveLength(2);
  });

  it("pass the real tree: a layer-respecting core file lints clean", async () => {
    expect(await lintAs("core/model/ok.ts", 'import { PartId } from "./part-id";\nexport const parts = PartId.options;\n')).toEqual([]);
  });
});
