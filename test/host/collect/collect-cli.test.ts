import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { libreOfficeConvert } from "../../support/pdf-readers";
import { FIXTURE_MARKDOWN } from "../../support/report-from-markdown";
import { runCli } from "../../support/run-cli";
import { zerosEntry, zipArchive } from "../support/deflated-zip";
import { encryptedWorkbookContainer, fillWorkbook, randomWorkbook } from "./support/collect-files";

/*
 * 数据征集 end to end through the built CLI: the fixture rolled forward, departments assigned,
 * one workbook per department out, filled by openpyxl (not our library) or re-saved by LibreOffice,
 * read back.
 */

interface ListedField {
  id: string;
  label: string;
  value: number | null;
  status: string;
  source: string | null;
  provenance: {
    department: string;
    fileName: string;
    requestId: string;
    respondent: string | null;
    phone: string | null;
    readAt: string;
    fileSha256: string;
    answer: string;
    qualifier?: string;
    note: string | null;
    formula?: string;
    outcome: string;
    conflict?: string;
  }[];
}

const SOURCES = {
  f2: "政务服务中心",
  f11: "政务服务中心",
  f15: "司法所",
  f16: "信访办",
  f17: "信访办",
  f18: "综治中心",
  f19: "综治中心",
} as const;

let dir: string;
let requests: { department: string; path: string; requestId: string; fields: number }[];

function ok(args: string[]): string {
  const r = runCli(args, { cwd: dir });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

function listed(report: string): Map<string, ListedField> {
  return new Map((JSON.parse(ok(["fields", report, "--json"])) as ListedField[]).map((f) => [f.id, f]));
}

/** A fresh copy of the rolled-forward report with departments assigned, for one test to change. */
function freshReport(name: string): string {
  const file = join(dir, `${name}.nianbao`);
  writeFileSync(file, readFileSync(join(dir, "base.nianbao")));
  return file;
}

function requestOf(department: string): string {
  const found = requests.find((r) => r.department === department);
  if (found === undefined) throw new Error(`no request for ${department}`);
  return found.path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-collect-"));
  ok(["import", FIXTURE_MARKDOWN, "--roll-forward", "-o", "base.nianbao"]);
  ok(["fields", "base.nianbao", ...Object.entries(SOURCES).flatMap(([id, d]) => ["--source", `${id}=${d}`])]);
  requests = (JSON.parse(ok(["collect", "base.nianbao", "--out", "requests", "--json"])) as { files: typeof requests }).files;
}, 60_000);

describe("nianbao collect --out", () => {
  it("writes one workbook per department that LibreOffice reads: labels, last year's values, empty inputs", () => {
    expect(requests.map((r) => r.department).sort()).toEqual(["信访办", "司法所", "政务服务中心", "综治中心"]);
    expect(readdirSync(join(dir, "requests")).sort()).toEqual(
      ["信访办", "司法所", "政务服务中心", "综治中心"].map((d) => `2024年度数据征集-${d}.xlsx`).sort(),
    );
    const csvDir = mkdtempSync(join(tmpdir(), "nianbao-collect-csv-"));
    // Sheet 2 is the data sheet (sheet 1 holds the instructions); token 12 of the CSV filter picks it.
    libreOfficeConvert(
      requests.map((r) => r.path),
      csvDir,
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
    );
    const csv = (department: string) =>
      readFileSync(join(csvDir, `2024年度数据征集-${department}-数据.csv`), "utf8")
        .trim()
        .split("\n");
    const petitions = csv("信访办");
    const header = petitions[0]?.split(",") ?? [];
    expect(header[0]).toBe("字段编号");
    expect(header[header.indexOf("本年数值")]).toBe("本年数值");
    const answerCol = header.indexOf("本年数值");
    const rows = petitions.slice(1, 3).map((line) => line.split(","));
    expect(rows.map((r) => [r[0], r[1], r[3], r[answerCol]])).toEqual([
      ["f16", "受理信访件", "590件", ""],
      ["f17", "化解信访积案", "9件", ""],
    ]);
    expect(petitions[1]).toContain("【本年数值】");
    expect(petitions.some((line) => line.startsWith("填报人,"))).toBe(true);
    expect(petitions.some((line) => line.startsWith("联系电话,"))).toBe(true);
    const services = csv("政务服务中心").map((line) => line.split(","));
    expect(services.slice(1, 3).map((r) => [r[0], r[3], r[answerCol]])).toEqual([
      ["f2", "超36万件", ""],
      ["f11", "100%", ""],
    ]);
    // The report is only read.
    expect(readFileSync(join(dir, "base.nianbao"), "utf8")).toContain('"source": "信访办"');
  });

  it("refuses to overwrite workbooks already sent, unless --force", () => {
    const r = runCli(["collect", "base.nianbao", "--out", "requests"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("文件已存在");
    expect(r.stderr).toContain("--force");
  });
});

describe("nianbao collect --import", () => {
  it("reads a workbook filled by openpyxl: values land unconfirmed with their provenance", () => {
    const report = freshReport("answered");
    const filled = join(dir, "信访办-回复.xlsx");
    fillWorkbook(requestOf("信访办"), filled, {
      values: { f16: 612, f17: "11" },
      qualifiers: { f17: "近" },
      notes: { f16: "含网上信访" },
      respondent: "王芳",
      phone: "0512-66551234",
    });
    const out = ok(["collect", report, "--import", filled]);
    expect(out).toContain("f16 受理信访件：612");
    const fields = listed(report);
    const sha = createHash("sha256").update(readFileSync(filled)).digest("hex");
    const requestId = requests.find((r) => r.department === "信访办")?.requestId;
    for (const [id, value] of [
      ["f16", 612],
      ["f17", 11],
    ] as const) {
      const f = fields.get(id);
      expect(f?.value).toBe(value);
      expect(f?.status).toBe("unconfirmed");
      expect(f?.source).toBe("信访办");
      expect(f?.provenance).toHaveLength(1);
      expect(f?.provenance[0]).toMatchObject({
        department: "信访办",
        fileName: "信访办-回复.xlsx",
        requestId,
        respondent: "王芳",
        phone: "0512-66551234",
        fileSha256: sha,
        answer: String(value),
        outcome: "applied",
      });
      expect(Number.isNaN(Date.parse(f?.provenance[0]?.readAt ?? ""))).toBe(false);
    }
    expect(fields.get("f17")?.provenance[0]?.qualifier).toBe("近");
    expect(fields.get("f16")?.provenance[0]?.note).toBe("含网上信访");
    // Fields of other departments and unanswered ones are as they were.
    expect(fields.get("f2")?.value).toBe(null);
    expect(fields.get("f2")?.provenance).toEqual([]);
    // Reading the same file again records nothing twice.
    const before = readFileSync(report);
    expect(ok(["collect", report, "--import", filled])).toContain("已读取过");
    expect(readFileSync(report).equals(before)).toBe(true);
    // The status board names who answered and what is missing.
    const board = ok(["collect", report]);
    expect(board).toContain("信访办：已全部回复，2/2 项");
    expect(board).toContain("司法所：未回复，0/1 项，缺 f15");
  });

  it("keeps two answers that disagree, and an answer that differs from a confirmed value, and reports both", () => {
    const report = freshReport("conflicts");
    const first = join(dir, "信访办-第一版.xlsx");
    const second = join(dir, "信访办-第二版.xlsx");
    fillWorkbook(requestOf("信访办"), first, { values: { f16: 612, f17: 11 } });
    fillWorkbook(requestOf("信访办"), second, { values: { f16: 618, f17: 11 } });
    ok(["fields", report, "--set", "f15=2000", "--confirm", "f15"]);
    const justice = join(dir, "司法所-回复.xlsx");
    fillWorkbook(requestOf("司法所"), justice, { values: { f15: 2100 }, respondent: "李明" });

    const out = ok(["collect", report, "--import", first, second, justice]);
    expect(out).toContain("有冲突");
    expect(out).toContain("612（信访办，信访办-第一版.xlsx）；618（信访办，信访办-第二版.xlsx）");
    expect(out).toContain("已确认的数值为 2000，回复为2100");
    const fields = listed(report);
    const f16 = fields.get("f16");
    expect(f16?.value).toBe(null);
    expect(f16?.provenance.map((p) => [p.answer, p.outcome, p.conflict])).toEqual([
      ["612", "conflict", "answers"],
      ["618", "conflict", "answers"],
    ]);
    // Where the answers agree the value is taken.
    expect(fields.get("f17")?.value).toBe(11);
    expect(fields.get("f17")?.provenance.map((p) => p.outcome)).toEqual(["applied", "applied"]);
    const f15 = fields.get("f15");
    expect([f15?.value, f15?.status]).toEqual([2000, "confirmed"]);
    expect(f15?.provenance.map((p) => [p.answer, p.outcome, p.conflict, p.respondent])).toEqual([
      ["2100", "conflict", "confirmed", "李明"],
    ]);
    expect(ok(["collect", report])).toContain("冲突 f16");
  });

  it("refuses a formula unless asked, then takes LibreOffice's cached result and flags it", () => {
    const report = freshReport("formula");
    const filled = join(dir, "formula-openpyxl.xlsx");
    fillWorkbook(requestOf("信访办"), filled, { values: { f16: "=600+12", f17: 9 } });
    // LibreOffice opens and saves it as a department's clerk would, computing the formula's result.
    const saved = mkdtempSync(join(tmpdir(), "nianbao-collect-lo-"));
    libreOfficeConvert([filled], saved, "xlsx");
    const resaved = join(saved, "formula-openpyxl.xlsx");
    const before = readFileSync(report);
    const refused = runCli(["collect", report, "--import", resaved], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("本年数值是公式“=600+12”（表格程序上次算得 612）");
    expect(refused.stderr).toContain("报告未改动");
    expect(readFileSync(report).equals(before)).toBe(true);

    ok(["collect", report, "--import", resaved, "--accept-formulas"]);
    const f16 = listed(report).get("f16");
    expect(f16?.value).toBe(612);
    expect(f16?.status).toBe("unconfirmed");
    expect(f16?.provenance[0]).toMatchObject({ answer: "612", formula: "600+12", outcome: "applied" });
  });

  describe("leaves the report byte for byte as it was, with a clear message, for", () => {
    const cases: [string, () => string, string][] = [
      [
        "an edited label cell",
        () => {
          const f = join(dir, "edited-label.xlsx");
          fillWorkbook(requestOf("信访办"), f, { values: { f16: 612 }, cells: { B2: "受理来信来访" } });
          return f;
        },
        "“数据”表第 2 行第 B 列被改动（原为“受理信访件”，现为“受理来信来访”）",
      ],
      [
        "a password-protected workbook",
        () => {
          const f = join(dir, "encrypted.xlsx");
          writeFileSync(f, encryptedWorkbookContainer());
          return f;
        },
        "文件设有打开密码（已加密）",
      ],
      [
        "a random .xlsx",
        () => {
          const f = join(dir, "random.xlsx");
          randomWorkbook(f);
          return f;
        },
        "不是年报生成的数据征集表",
      ],
      [
        "a truncated workbook",
        () => {
          const f = join(dir, "truncated.xlsx");
          const whole = readFileSync(requestOf("信访办"));
          writeFileSync(f, whole.subarray(0, Math.floor(whole.length / 2)));
          return f;
        },
        "文件已损坏或不完整",
      ],
      [
        "a zip bomb named .xlsx",
        () => {
          const f = join(dir, "bomb.xlsx");
          // 1 MiB of zeros that declares 200 MiB: refused from the zip directory, before inflating.
          writeFileSync(f, zipArchive([zerosEntry("xl/worksheets/sheet1.xml", 1, 200 * 1024 * 1024)]));
          return f;
        },
        "bomb.xlsx：文档内容解压后过大",
      ],
      [
        "a workbook for another year",
        () => {
          const other = join(dir, "other-year.nianbao");
          ok(["import", FIXTURE_MARKDOWN, "-o", other]);
          ok(["fields", other, "--source", "f16=信访办"]);
          ok(["collect", other, "--out", "other-year"]);
          const f = join(dir, "other-year-answer.xlsx");
          fillWorkbook(join(dir, "other-year", "2023年度数据征集-信访办.xlsx"), f, { values: { f16: 600 } });
          return f;
        },
        "是为另一份报告（2023 年度）发出的",
      ],
    ];
    it.each(cases)("%s", (_name, make, message) => {
      const report = freshReport("refusals");
      const good = join(dir, "good-answer.xlsx");
      fillWorkbook(requestOf("司法所"), good, { values: { f15: 2100 } });
      const bad = make();
      const before = readFileSync(report);
      // A good workbook in the same batch is not read in either: all or none.
      const r = runCli(["collect", report, "--import", good, bad], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain("报告未改动");
      expect(r.stderr).toMatch(/Error: .+not/u);
      expect(readFileSync(report).equals(before)).toBe(true);
    });
  });
});
