import { describe, expect, it } from "vitest";
import { checkReport } from "../../../core/checks/check-report";
import { planChecklist } from "../../../core/compare/plan-checklist";
import { fazhiTemplate } from "../../support/template";
import { runCli } from "../../support/run-cli";
import { edited, rolledForwardFixture, saved, tempDir } from "./edited-fixture";

interface DiffJson {
  unchangedRatio: number;
  parts: { part: string; unchangedRatio: number }[];
  paragraphs: { status: string; part: string; text: string; lastYearText: string }[];
  plans: { text: string; status: string }[];
}

function diffJson(file: string): DiffJson {
  const r = runCli(["diff", file, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as DiffJson;
}

describe("nianbao diff on the Mudu report rolled forward", () => {
  it("calls the untouched roll-forward 100% unchanged, every paragraph and part", async () => {
    const json = diffJson(await saved(await rolledForwardFixture(), tempDir()));
    expect(json.unchangedRatio).toBe(1);
    expect(json.paragraphs.length).toBeGreaterThan(8);
    expect(new Set(json.paragraphs.map((p) => p.status))).toEqual(new Set(["unchanged"]));
    expect(json.parts.map((p) => p.unchangedRatio)).toEqual(json.parts.map(() => 1));
    expect(json.plans.map((p) => p.status)).toEqual(["open", "open", "open", "open"]);
  });

  it("after one paragraph is edited and another deleted, says exactly that", async () => {
    const base = await rolledForwardFixture();
    let report = edited(base, "measures", 1, {
      replace: ["有效发挥镇党委、政府法律顾问作用", "全年聘请法律顾问2名，有效发挥镇党委、政府法律顾问作用"],
    });
    report = edited(report, "measures", 4, { delete: true });
    const before = diffJson(await saved(base, tempDir()));
    const json = diffJson(await saved(report, tempDir()));

    const changed = json.paragraphs.filter((p) => p.status === "changed");
    const removed = json.paragraphs.filter((p) => p.status === "removed");
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ part: "measures" });
    expect(changed[0]?.text.startsWith("全年聘请法律顾问2名，有效发挥镇党委")).toBe(true);
    expect(changed[0]?.lastYearText.startsWith("有效发挥镇党委、政府法律顾问作用")).toBe(true);
    expect(removed).toHaveLength(1);
    expect(removed[0]?.lastYearText).toBe(before.paragraphs.filter((p) => p.part === "measures")[4]?.text);
    expect(json.paragraphs.filter((p) => p.status === "unchanged")).toHaveLength(before.paragraphs.length - 2);
    expect(json.paragraphs.filter((p) => p.status === "new")).toHaveLength(0);
    expect(json.parts.filter((p) => p.unchangedRatio < 1).map((p) => p.part)).toEqual(["measures"]);
    expect(json.unchangedRatio).toBeLessThan(1);
    expect(json.unchangedRatio).toBeGreaterThan(0.9);
  });

  it("makes the checker warn that 主要举措 and 不足 are copied and that all four plans are open", async () => {
    const report = await rolledForwardFixture();
    const findings = checkReport(report, fazhiTemplate(), { today: "2025-01-15" });
    expect(findings.filter((f) => f.id === "COPY-HIGH").map((f) => [f.severity, f.location.part])).toEqual([
      ["warning", "measures"],
      ["warning", "shortcomings"],
    ]);
    expect(findings.filter((f) => f.id === "PLAN-OPEN")).toHaveLength(4);
    const edited1 = edited(report, "shortcomings", 0, {
      rewrite:
        "2024年，我镇行政复议体制改革刚刚起步，复议案件数量明显上升，基层执法力量不足的问题更加突出；村（社区）法律顾问作用发挥不均衡，法治宣传的针对性仍需加强。",
    });
    expect(
      checkReport(edited1, fazhiTemplate(), { today: "2025-01-15" })
        .filter((f) => f.id === "COPY-HIGH")
        .map((f) => f.location.part),
    ).toEqual(["measures"]);
  });

  it("extracts the four 一是…四是 plans from the imported 四、 part", async () => {
    expect(planChecklist(await rolledForwardFixture()).map((p) => p.text)).toEqual([
      "一是有效提高法治能力建设。健全合法性审查机制，坚持用法治思维和法治方式化解矛盾、防控风险、推动发展。健全学法用法长效机制，提高处理实际问题的能力。",
      "二是自觉主动接受监督。自觉接受人大法律监督、政协民主监督和社会舆论监督，认真办理人大代表议案建议和政协委员提案，切实提高政府工作的科学性、民主性和实效性。",
      "三是深入开展政务公开。健全信息发布和政策解读机制，保障群众知情权、参与权、监督权。",
      "四是切实抓好法治宣传教育。推动“八五”普法走深走实，加大全民法治宣传教育力度，特别是抓好特定对象的法治宣传，切实提高群众法治素养，提升全镇社会治理法治化水平。",
    ]);
  });
});
