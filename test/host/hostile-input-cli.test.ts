import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../../core/model/report";
import { loadReportFile, saveReportFile, serializeReport } from "../../host/storage/report-file";
import { largeReport } from "../support/large-report";
import { repoRoot } from "../support/template";
import { makeDocx, paragraphXml } from "./import/support/make-docx";
import { deflatedEntry, zerosEntry, zipArchive } from "./support/deflated-zip";
import {
  manyEntriesDocx,
  millionLinesText,
  oleFile,
  pdfBytes,
  reportJson,
  sparseFile,
  spreadZipBombDocx,
  zipBombDocx,
} from "./support/hostile-files";
import { runCliMeasured, type MeasuredCliResult } from "./support/run-cli-measured";

/*
 * issue 9: every hostile input goes through the real `nianbao` binary as a child process. Each
 * run must end with exit 2 and a message in Chinese and English (or succeed where the input is
 * legitimate), never a crash or a stack trace, with the child's peak RSS under 500 MB, and the
 * report the clerk already has must stay byte for byte as it was.
 */
const PEAK_RSS_LIMIT_MB = 500;
const MB = 1024 * 1024;

let dir = "";
let keep = "";
let keepBytes = Buffer.alloc(0);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-hostile-"));
  keep = join(dir, "keep.nianbao");
  await saveReportFile(keep, largeReport(1));
  keepBytes = readFileSync(keep);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function sparse(name: string, bytes: number): string {
  return sparseFile(join(dir, name), bytes);
}

function expectClearError(r: MeasuredCliResult, zh: string | RegExp, en: string | RegExp): void {
  expect(r.signal, r.stderr).toBeNull();
  expect(r.status, r.stderr).toBe(2);
  // printError writes "错误：<zh>\nError: <en>\n"; either message may span lines.
  const match = /^错误：([\s\S]*)\nError: ([\s\S]*)$/u.exec(r.stderr);
  expect(match, r.stderr).not.toBeNull();
  const [, zhText = "", enText = ""] = match ?? [];
  expect(zhText).toMatch(zh);
  expect(zhText).not.toContain("内部错误");
  expect(enText).toMatch(en);
  expect(r.stderr).not.toContain("    at ");
  expectBoundedMemory(r);
}

function expectBoundedMemory(r: MeasuredCliResult): void {
  expect(r.peakRssMb).not.toBeNull();
  expect(r.peakRssMb ?? Infinity).toBeLessThan(PEAK_RSS_LIMIT_MB);
}

function expectKeepUntouched(): void {
  expect(readFileSync(keep).equals(keepBytes)).toBe(true);
  expect(existsSync(`${keep}.bak`)).toBe(false);
}

/** `inspect` reads the file; `import … -o keep.nianbao --force` must refuse before replacing the clerk's report. */
async function expectRefused(path: string, zh: string | RegExp, en: string | RegExp): Promise<void> {
  const [inspected, imported] = await Promise.all([
    runCliMeasured(["inspect", path]),
    runCliMeasured(["import", path, "-o", keep, "--force"]),
  ]);
  expectClearError(inspected, zh, en);
  expectClearError(imported, zh, en);
  expectKeepUntouched();
}

const BODY = [
  paragraphXml("2023年度某镇法治政府建设工作报告"),
  paragraphXml("一、主要举措和成效"),
  paragraphXml("全年受理信访件590件。"),
].join("");

describe("hostile Word packages through the CLI", () => {
  it("a truncated zip", async () => {
    const good = makeDocx(BODY);
    await expectRefused(write("truncated.docx", good.subarray(0, Math.floor(good.length * 0.6))), "已损坏", /damaged/u);
  });

  it("the bomb maker writes real packages: 2 MiB of zeros inflate back", () => {
    const small = unzipSync(zipArchive([deflatedEntry("a.xml", "<a/>"), zerosEntry("z.bin", 2)]));
    expect(strFromU8(small["a.xml"] ?? new Uint8Array())).toBe("<a/>");
    expect(small["z.bin"]?.length).toBe(2 * MB);
    expect(small["z.bin"]?.every((b) => b === 0)).toBe(true);
  });

  it("a zip bomb: 1 GB of zeros that says so", async () => {
    const bomb = zipBombDocx();
    expect(bomb.length).toBeLessThan(2 * MB);
    await expectRefused(write("bomb.docx", bomb), "解压后过大", /zip bomb/u);
  });

  it("a zip bomb: 1 GB of zeros that declares 4 KB", async () => {
    const liar = zipBombDocx(4096);
    await expectRefused(write("liar.docx", liar), "已损坏", /damaged/u);
  });

  it("billion laughs and an external entity (XXE)", async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("");
    const laughs = makeDocx(paragraphXml("&lol9;"), { prolog: `<!DOCTYPE lolz [<!ENTITY lol "lol">${entities}]>` });
    await expectRefused(write("laughs.docx", laughs), "DOCTYPE", /DOCTYPE/u);
    const secret = write("secret.txt", "机密内容");
    const xxe = makeDocx(paragraphXml("&xxe;"), { prolog: `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://${secret}">]>` });
    await expectRefused(write("xxe.docx", xxe), "DOCTYPE", /DOCTYPE/u);
  });

  it("an encrypted .docx, a legacy .doc, and a .doc renamed .docx", async () => {
    // Word's password protection wraps the package in an OLE compound file with an EncryptedPackage stream.
    await expectRefused(write("password.docx", oleFile("EncryptedPackage")), "已加密", /encrypted/u);
    const legacy = oleFile("WordDocument");
    await expectRefused(write("2022年报告.doc", legacy), "另存为", /\.docx/u);
    await expectRefused(write("renamed-doc.docx", legacy), "旧版", /legacy/u);
  });

  it("a PDF renamed .docx", async () => {
    await expectRefused(write("scan.docx", await pdfBytes()), /PDF|不是 Word/u, /PDF|not a Word/u);
  });

  it("0-byte files", async () => {
    await expectRefused(write("empty.docx", ""), "空", /empty/u);
    await expectRefused(write("empty.txt", ""), "空", /empty/u);
    const emptyReport = write("empty.nianbao", "");
    expectClearError(await runCliMeasured(["inspect", emptyReport]), "为空", /empty/u);
  });

  it("200 MB files are refused before they are read", async () => {
    const docx = sparse("huge.docx", 200 * MB);
    const report = sparse("huge.nianbao", 200 * MB);
    try {
      await expectRefused(docx, "过大", /too large/u);
      const [inspected, fields] = await Promise.all([
        runCliMeasured(["inspect", report]),
        runCliMeasured(["fields", report, "--set", "cases=1"]),
      ]);
      expectClearError(inspected, "过大", /too large/u);
      expectClearError(fields, "过大", /too large/u);
    } finally {
      rmSync(docx);
      rmSync(report);
    }
  });

  it("tables nested 5,000 deep", async () => {
    const depth = 5000;
    const nested = `${"<w:tbl><w:tr><w:tc>".repeat(depth)}${paragraphXml("全年受理信访件590件。")}${"</w:tc></w:tr></w:tbl>".repeat(depth)}`;
    const path = write("nested.docx", makeDocx(BODY + nested));
    // The reader keeps a stack of open tables, not recursion: the innermost cell is read like any other.
    const out = join(dir, "nested.nianbao");
    const [inspected, imported] = await Promise.all([runCliMeasured(["inspect", path]), runCliMeasured(["import", path, "-o", out])]);
    for (const r of [inspected, imported]) {
      expect(r.status, r.stderr).toBe(0);
      expectBoundedMemory(r);
    }
    expect(inspected.stdout).toContain("全年受理信访件590件");
    expect(serializeReport((await loadReportFile(out)).report)).toContain("全年受理信访件590件");
  });
});

describe("legitimate but large or unusual sources", () => {
  it("a 10,000-paragraph .docx imports", async () => {
    const paragraphs = Array.from({ length: 10_000 }, (_, i) =>
      paragraphXml(`第${i + 1}项工作：全年受理信访件${590 + i}件，办结率百分之百。`),
    ).join("");
    const path = write("long.docx", makeDocx(BODY + paragraphs));
    const out = join(dir, "long.nianbao");
    const r = await runCliMeasured(["import", path, "-o", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("已导入");
    expectBoundedMemory(r);
    const { report } = await loadReportFile(out);
    expect(serializeReport(report)).toContain("第10000项工作");
  });

  it("GBK text imports and says so; bytes that are neither UTF-8 nor GBK are not taken for a report", async () => {
    const gbk = write("gbk.txt", iconv.encode("2023年度某镇法治政府建设工作报告\n\n一、主要举措和成效\n\n全年受理信访件590件。\n", "gbk"));
    const out = join(dir, "gbk.nianbao");
    const r = await runCliMeasured(["import", gbk, "-o", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("GBK");
    expectBoundedMemory(r);
    expect((await loadReportFile(out)).report.meta.title).toBe("2023年度某镇法治政府建设工作报告");

    // 0xFF never occurs in GBK/GB18030 and a lone 0x80 is no lead byte; neither is UTF-8.
    const garbage = Buffer.concat([
      Buffer.from("2023年度报告\n", "utf8"),
      Buffer.from(Array.from({ length: 2048 }, (_, i) => (i % 3 === 0 ? 0xff : 0x80 + (i % 0x7f)))),
    ]);
    await expectRefused(write("garbage.txt", garbage), "编码", /encoding/u);
  });
});

describe("hostile .nianbao files and field values", () => {
  async function expectReportRefused(path: string, zh: string | RegExp, en: string | RegExp): Promise<void> {
    const before = readFileSync(path);
    // An earlier export the clerk already handed in: a failed export must not replace it.
    const exported = write("handed-in.docx", "earlier export");
    const runs = await Promise.all([
      runCliMeasured(["inspect", path]),
      runCliMeasured(["fields", path, "--set", "cases=1"]),
      runCliMeasured(["import", path, "-o", keep, "--force"]),
      runCliMeasured(["export", path, "--docx", exported]),
    ]);
    for (const r of runs) expectClearError(r, zh, en);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readFileSync(exported, "utf8")).toBe("earlier export");
    expectKeepUntouched();
  }

  it("a JSON file of another program, and one from a future version", async () => {
    await expectReportRefused(
      write("other.nianbao", JSON.stringify({ name: "package", version: "1.0.0" })),
      "不是年报文件",
      /not a Nianbao report/u,
    );
    await expectReportRefused(
      write(
        "wrong-shape.nianbao",
        reportJson((r) => {
          r.body = "正文";
        }),
      ),
      "不符合年报格式",
      /schema/u,
    );
    await expectReportRefused(
      write(
        "future.nianbao",
        reportJson((r) => {
          r.schemaVersion = SCHEMA_VERSION + 7;
        }),
      ),
      "较新版本",
      /newer Nianbao/u,
    );
  });

  it("a .nianbao whose text is not valid UTF-8", async () => {
    const json = Buffer.from(serializeReport(largeReport(1)), "utf8");
    const at = json.indexOf(Buffer.from("木渎镇", "utf8"));
    json[at] = 0xff;
    await expectReportRefused(write("bad-utf8.nianbao", json), "UTF-8", /UTF-8/u);
  });

  it("1e309 and NaN in a .nianbao file", async () => {
    for (const value of ["1e309", "NaN"]) {
      const path = write(
        `value-${value}.nianbao`,
        reportJson((r) => {
          const fields = r.fields as Record<string, Record<string, unknown>>;
          if (fields.cases) fields.cases.value = value;
        }),
      );
      await expectReportRefused(path, "不是有效的十进制数", /not a plain decimal number/u);
    }
    // A JSON number too large for a double parses as Infinity; it must not slip through either.
    const path = write(
      "value-number.nianbao",
      reportJson((r) => {
        r.fields = { cases: { id: "cases" } };
      }).replace('{"id":"cases"}', '{"id":"cases","label":"事项","kind":"count","value":1e309,"status":"confirmed"}'),
    );
    await expectReportRefused(path, "不符合年报格式", /schema/u);
  });

  it("fields --set 1e309 / NaN / Infinity leaves the report as it was", async () => {
    for (const value of ["1e309", "NaN", "Infinity", "-0x10"]) {
      const r = await runCliMeasured(["fields", keep, "--set", `cases=${value}`]);
      expectClearError(r, "文件未改动", /not changed/u);
      expectKeepUntouched();
    }
  });
});

describe("issue 13: one budget per input file", () => {
  it("a bomb spread over 400 entries of 16 MB each is refused under 500 MB", async () => {
    const bomb = spreadZipBombDocx();
    expect(bomb.length).toBeLessThan(8 * MB);
    await expectRefused(write("spread-bomb.docx", bomb), /解压后过大.*256 MB/u, /zip bomb/u);
  });

  it("verify reads a spread bomb (with a .p7s beside it) under the same budget: invalid, under 500 MB", async () => {
    const path = write("signed-bomb.docx", spreadZipBombDocx());
    write("signed-bomb.docx.p7s", "not a signature");
    const r = await runCliMeasured(["verify", path]);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain("签名无效");
    expectBoundedMemory(r);
  });

  it("a package of 5,001 entries is refused, naming the limit", async () => {
    await expectRefused(write("many-entries.docx", manyEntriesDocx(5_001)), /过多.*5,000/u, /5000 entries/u);
  });

  it("a document of millions of empty elements stops at the XML limit", async () => {
    const path = write("xml-events.docx", makeDocx(BODY + "<a/>".repeat(3_000_000)));
    await expectRefused(path, /5,000,000 个 XML 元素/u, /XML events/u);
  });

  it("2 MB of one-letter lines is refused before it becomes a report too large to open", async () => {
    const path = write("million-lines.txt", millionLinesText());
    await expectRefused(path, /超过 20,000 个段落/u, /20000 paragraphs/u);
  });

  it("a .nianbao beyond the paragraph limit is refused on opening with the same number", async () => {
    const path = write(
      "too-many-paragraphs.nianbao",
      reportJson((r) => {
        const body = r.body as { content: unknown[] };
        for (let i = 0; i < 20_001; i++) body.content.unshift({ type: "paragraph", content: [{ type: "text", text: "a" }] });
      }),
    );
    expectClearError(await runCliMeasured(["inspect", path]), /超过 20,000 个段落/u, /20000 paragraphs/u);
  });
});

describe("issue 13: saves that hold", () => {
  function copyOfKeep(name: string): string {
    const path = join(dir, name);
    writeFileSync(path, keepBytes);
    return path;
  }

  function leftovers(folder: string): string[] {
    return readdirSync(folder).filter((n) => /\.(?:tmp|baktmp|lock)$|\.lock\.[0-9a-f]+$/u.test(n));
  }

  it("a 0600 report stays 0600 after a save, and its backup too", async () => {
    const sub = mkdtempSync(join(dir, "mode-"));
    const path = join(sub, "private.nianbao");
    writeFileSync(path, keepBytes, { mode: 0o600 });
    chmodSync(path, 0o600);
    const r = await runCliMeasured(["fields", path, "--set", "cases=400000"]);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}.bak`).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, "utf8")).toContain('"400000"');
    expect(leftovers(sub)).toEqual([]);
  });

  it("a 0444 report is not replaced, also when the user is root, and no temp file is left", async () => {
    const sub = mkdtempSync(join(dir, "readonly-"));
    const path = join(sub, "readonly.nianbao");
    writeFileSync(path, keepBytes);
    chmodSync(path, 0o444);
    for (let i = 0; i < 3; i++) {
      const r = await runCliMeasured(["fields", path, "--set", "cases=400000"]);
      expectClearError(r, /只读.*readonly\.nianbao/u, /read-only/u);
    }
    expect(readFileSync(path).equals(keepBytes)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(readdirSync(sub)).toEqual(["readonly.nianbao"]);
  });

  it("import -o onto a folder named x.nianbao, and opening it, say so in Chinese with the path", async () => {
    const folder = join(dir, "folder.nianbao");
    mkdirSync(folder, { recursive: true });
    const source = write("small.md", "# 2023年度某镇法治政府建设工作报告\n\n一、主要举措和成效\n\n全年受理信访件590件。\n");
    const imported = await runCliMeasured(["import", source, "-o", folder, "--force"]);
    expectClearError(imported, /folder\.nianbao.*文件夹/u, /directory/u);
    const inspected = await runCliMeasured(["inspect", folder]);
    expectClearError(inspected, /文件夹.*folder\.nianbao/u, /directory/u);
    expect(inspected.stderr).not.toContain("UTF-8");
    expect(leftovers(dir)).toEqual([]);
  });

  it("schemaVersion 1e309 or -1 is called invalid, not missing", async () => {
    for (const [name, version] of [
      ["v-huge", "1e309"],
      ["v-negative", "-1"],
    ] as const) {
      const path = write(`${name}.nianbao`, reportJson(() => undefined).replace(/"schemaVersion":\d+/u, `"schemaVersion":${version}`));
      const r = await runCliMeasured(["inspect", path]);
      expectClearError(r, /schemaVersion 无效/u, /schemaVersion is invalid/u);
      expect(r.stderr).not.toContain("缺少");
    }
  });

  it("temp files of killed saves are removed on the next start and after a failed save", async () => {
    const sub = mkdtempSync(join(dir, "temps-"));
    const path = join(sub, "report.nianbao");
    writeFileSync(path, keepBytes);
    // What a save killed between writing and renaming leaves behind.
    writeFileSync(join(sub, ".report.nianbao.0123456789ab.tmp"), keepBytes);
    writeFileSync(join(sub, ".report.nianbao.ba9876543210.baktmp"), keepBytes);
    const r = await runCliMeasured(["inspect", path]);
    expect(r.status, r.stderr).toBe(0);
    expect(leftovers(sub)).toEqual([]);
    chmodSync(path, 0o444);
    writeFileSync(join(sub, ".report.nianbao.0123456789ab.tmp"), keepBytes);
    const failed = await runCliMeasured(["fields", path, "--set", "cases=1"]);
    expect(failed.status).toBe(2);
    expect(leftovers(sub)).toEqual([]);
  });

  it("two concurrent fields --set never both exit 0 with one update lost", async () => {
    const sub = mkdtempSync(join(dir, "race-"));
    let refused = 0;
    for (let round = 0; round < 8; round++) {
      const path = join(sub, `race-${round}.nianbao`);
      writeFileSync(path, keepBytes);
      const [a, b] = await Promise.all([
        runCliMeasured(["fields", path, "--set", `cases=${100 + round}`]),
        runCliMeasured(["fields", path, "--set", `rate=${50 + round}`]),
      ]);
      const saved = readFileSync(path, "utf8");
      for (const [r, value] of [
        [a, `"${100 + round}"`],
        [b, `"${50 + round}"`],
      ] as const) {
        if (r.status === 0) {
          expect(saved, `round ${round}: an update that exited 0 is in the file`).toContain(value);
        } else {
          refused++;
          expectClearError(r, /其他程序|正由/u, /changed by another program|being saved by/u);
        }
      }
      expect(a.status === 0 || b.status === 0, `round ${round}: one of the two succeeds`).toBe(true);
    }
    expect(leftovers(sub)).toEqual([]);
    // Not asserted: how often the race is actually hit on this machine.
    void refused;
  });

  it("a report locked by another live writer is refused, naming the holder", async () => {
    const path = copyOfKeep("locked.nianbao");
    const lock = join(dir, ".locked.nianbao.lock");
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), user: "王小明", since: "2024-01-17T09:00:00.000Z" }),
    );
    try {
      const r = await runCliMeasured(["fields", path, "--set", "cases=1"]);
      expectClearError(r, new RegExp(`王小明.*进程 ${process.pid}`, "u"), /being saved by/u);
      expect(readFileSync(path).equals(keepBytes)).toBe(true);
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it("a lock left by a killed writer does not block the next save", async () => {
    const path = copyOfKeep("stale-lock.nianbao");
    // A pid no live process has: beyond the kernel's pid_max.
    writeFileSync(
      join(dir, ".stale-lock.nianbao.lock"),
      JSON.stringify({ pid: 2 ** 30, host: (await import("node:os")).hostname(), user: "x", since: "2024-01-17T09:00:00.000Z" }),
    );
    const r = await runCliMeasured(["fields", path, "--set", "cases=400000"]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, ".stale-lock.nianbao.lock"))).toBe(false);
  });
});

describe("issue 13: operating-system errors and hidden characters", () => {
  it("a folder that cannot be written, a path through a file, and a folder given as a document: Chinese, with the path, never raw", async () => {
    const source = join(repoRoot, "test/fixtures/mudu-2023-fazhi-report.md");
    const cases: [string[], RegExp][] = [
      [["import", source, "-o", "/sys/nianbao-test.nianbao"], /\/sys\/nianbao-test\.nianbao（没有权限/u],
      [["import", source, "-o", "/dev/null/x.nianbao"], /\/dev\/null\/x\.nianbao（路径中有一部分不是文件夹/u],
      [["export", source, "--docx", "/sys/nianbao-test.docx"], /\/sys\/nianbao-test\.docx（没有权限/u],
      [["inspect", mkdtempSync(join(dir, "folder-")) + ".docx"], /找不到文件/u],
    ];
    mkdirSync(join(dir, "a-folder.docx"), { recursive: true });
    cases.push([["inspect", join(dir, "a-folder.docx")], /文件夹.*a-folder\.docx/u]);
    for (const [args, zh] of cases) {
      const r = await runCliMeasured(args);
      expectClearError(r, zh, /./u);
      expect(r.stderr.split("\n")[0]).not.toMatch(/E[A-Z]{3,}|\.lock|\.tmp/u);
    }
  });

  it("check warns about a right-to-left override and a lone surrogate in the title", async () => {
    const path = write(
      "bidi.nianbao",
      reportJson((r) => {
        (r.meta as Record<string, unknown>).title = "2023年度\u202e告报\u202c\ud800";
      }),
    );
    const r = await runCliMeasured(["check", path, "--json"]);
    expect(r.signal).toBeNull();
    expect(r.stdout).toContain("CHAR-BIDI");
    expect(r.stdout).toContain("CHAR-SURROGATE");
    expectBoundedMemory(r);
  });
});
