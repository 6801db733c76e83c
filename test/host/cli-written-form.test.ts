import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli";

const REPORT = [
  "# 2023年度某镇法治政府建设工作报告",
  "",
  "## 一、主要举措和成效",
  "",
  "新建两座卫星消防站，累计拆除各类违建超 7 万平方米。",
  "",
  "某镇人民政府",
  "",
  "2024年1月17日",
  "",
].join("\n");

interface Listed {
  id: string;
  text: string | null;
}

function imported(): string {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-written-"));
  writeFileSync(join(dir, "r.md"), REPORT);
  const out = join(dir, "r.nianbao");
  const r = runCli(["import", join(dir, "r.md"), "-o", out]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return out;
}

function texts(file: string, ...args: string[]): Record<string, string | null> {
  const r = runCli(["fields", file, ...args, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return Object.fromEntries((JSON.parse(r.stdout) as Listed[]).map((f) => [f.id, f.text]));
}

describe("nianbao fields and a number's written form", () => {
  it("prints a typed value in the numerals and spacing the report used", () => {
    const file = imported();
    expect(texts(file)).toEqual({ f1: "两座", f2: "超 7 万平方米" });
    expect(texts(file, "--set", "f1=3", "--set", "f2=超8万")).toEqual({ f1: "三座", f2: "超 8 万平方米" });
  });

  it("never rounds a value away: 202 in the 万 field prints 202平方米, and check warns", () => {
    const file = imported();
    const shown = texts(file, "--set", "f2=202")["f2"];
    expect(shown).toMatch(/^(超 ?)?202 ?平方米$/u);
    const check = runCli(["check", file, "--json"]);
    expect(check.stdout).toContain("FIELD-SCALE");
  });

  it("switches numerals only when the clerk asks (--numerals)", () => {
    const file = imported();
    expect(texts(file, "--numerals", "f1=digits")["f1"]).toBe("2座");
    expect(texts(file, "--set", "f1=3")["f1"]).toBe("3座");
    expect(texts(file, "--numerals", "f1=chinese")["f1"]).toBe("三座");
    const bad = runCli(["fields", file, "--numerals", "f1=roman"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("--numerals");
  });
});
