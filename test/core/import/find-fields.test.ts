import { describe, expect, it } from "vitest";
import { findFields } from "../../../core/import/find-fields";

const one = (text: string) => {
  const found = findFields(text);
  expect(found, text).toHaveLength(1);
  const f = found[0];
  if (!f) throw new Error("no field");
  return {
    value: f.value,
    unit: f.unit,
    scale: f.scale,
    qualifier: f.statedQualifier,
    kind: f.kind,
    atom: text.slice(f.start, f.end),
    text: f.text,
  };
};

describe("numbers that are fields", () => {
  it("reads scales, decimals and qualifiers into exact base-unit values", () => {
    expect(one("全年共受理各类审批服务事项超 36 万件，")).toMatchObject({
      value: "360000",
      unit: "件",
      scale: "万",
      qualifier: "超",
      atom: "超 36 万件",
    });
    expect(one("累计发放宣传材料1.5万余份。")).toMatchObject({
      value: "15000",
      unit: "份",
      scale: "万",
      qualifier: "余",
      atom: "1.5万余份",
    });
    expect(one("检查企业超 2.6 万家次")).toMatchObject({ value: "26000", unit: "家次" });
    expect(one("受众近5000人次")).toMatchObject({ value: "5000", qualifier: "近", atom: "近5000人次" });
    expect(one("培训执法人员约300名")).toMatchObject({ value: "300", unit: "名", qualifier: "约" });
    expect(one("服务对象100人以上")).toMatchObject({ value: "100", unit: "人", qualifier: "以上", atom: "100人以上" });
    expect(one("累计培训3000人次")).toMatchObject({ value: "3000", unit: "人次", qualifier: "累计", atom: "3000人次" });
    expect(one("受理案件超过1000件")).toMatchObject({ value: "1000", qualifier: "超", atom: "1000件" });
    expect(one("完成1,200件")).toMatchObject({ value: "1200" });
    expect(one("办理案件１２０件")).toMatchObject({ value: "120", unit: "件" });
  });

  it("keeps money in 万元 and 亿元 as the unit", () => {
    expect(one("罚没款86.5万元")).toMatchObject({ value: "86.5", unit: "万元", scale: "none", kind: "amount" });
    expect(one("挽回经济损失1.35亿元")).toMatchObject({ value: "1.35", unit: "亿元" });
    expect(one("罚没款20余万元")).toMatchObject({ value: "20", unit: "万元", qualifier: "余", atom: "20余万元" });
    expect(one("拆除违建7万平方米")).toMatchObject({ value: "70000", unit: "平方米", kind: "amount" });
  });

  it("reads Chinese numerals", () => {
    expect(one("调解纠纷一千九百余件")).toMatchObject({ value: "1900", unit: "件", qualifier: "余" });
    expect(one("新建两座消防站")).toMatchObject({ value: "2", unit: "座" });
    expect(one("完成九个社区选举")).toMatchObject({ value: "9", unit: "个" });
    expect(one("评查案卷一百二十卷宗，开展活动三十余场")).toMatchObject({ value: "30", unit: "场", qualifier: "余" });
    expect(one("参加人员近千人次")).toMatchObject({ value: "1000", qualifier: "近" });
    expect(one("覆盖两万余人")).toMatchObject({ value: "20000", scale: "万", qualifier: "余" });
  });

  it("reads percentages, shares and growth statements", () => {
    expect(one("结案率 93.26%")).toMatchObject({ value: "93.26", unit: "%", kind: "percent" });
    expect(one("满意度达百分之九十")).toMatchObject({ value: "90", unit: "%", atom: "百分之九十" });
    expect(one("占全区总量约 26%")).toMatchObject({ value: "26", kind: "ratio", qualifier: "约" });
    expect(one("同比增长 17.48%")).toMatchObject({ value: "17.48", kind: "growth" });
    expect(one("败诉率同比下降3.2个百分点")).toMatchObject({ value: "3.2", unit: "个百分点", kind: "growth" });
    expect(one("调解成功率９７．５％")).toMatchObject({ value: "97.5", unit: "%" });
  });

  it("links a growth rate to the count it describes", () => {
    const found = findFields("新收行政复议案件709件，同比上升90.08%。");
    expect(found.map((f) => f.kind)).toEqual(["count", "growth"]);
    expect(found[1]?.baseIndex).toBe(0);
    expect(found[1]?.label).toBe("新收行政复议案件同比上升");
  });

  it("names the value with the words around it, as an exact source substring", () => {
    const text = "主动接受各方监督，高质量办理人大代表议案建议 62 件、政协委员提案 1 件，办结率和满意率均达 100%。";
    const found = findFields(text);
    expect(found.map((f) => f.text)).toEqual(["高质量办理人大代表议案建议 62 件", "政协委员提案 1 件", "办结率和满意率均达 100%"]);
    for (const f of found) expect(text).toContain(f.text);
    expect(one("新建 2 座卫星消防站。").text).toBe("新建 2 座卫星消防站");
    expect(one("2023年受理信访件590件。").text).toBe("受理信访件590件");
    expect(one("一是举办法治讲座4次。").text).toBe("举办法治讲座4次");
  });
});

describe("numbers that are not fields", () => {
  it.each([
    "2023年是全面贯彻落实党的二十大精神的开局之年",
    "成文日期2024年1月17日",
    "二〇二四年一月十七日",
    "有效落实“八五普法”规划，推动“八五”普法走深走实",
    "积极推进行政执法“三项制度”贯彻落实，落实三项制度",
    "满分通过“15 分钟医保服务圈”省级示范点验收",
    "落实一村（社区）一法律顾问制度",
    "在春节、全国“两会”等重要节点，健全“两法衔接”，开展“法律七进”",
    "发挥人民调解“第一道防线”的作用，市、区两级隐患挂牌项目按时销号",
    "每半年召开一次专题会议，每季度召开1次联席会议",
    "一是有效提高法治能力建设。二是自觉主动接受监督。",
    "依照《行政复议法》第二十五条规定，根据临政办〔2023〕5号文件",
    "在全市考核中排名第2位，位列前3名",
    "编制“十四五”规划，从五个方面推进，坚持两个维护",
    "形成一支素质高的队伍，召开一次会议，建立一个机制",
    "近3个月以来，部门协作，条例实施，元旦期间",
    "拨打12345热线，110联动",
  ])("%s", (text) => {
    expect(findFields(text).map((f) => f.text)).toEqual([]);
  });
});
