import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

/*
 * A 政府信息公开工作年度报告 as a clerk types it in Word: no styles, direct run formatting
 * (方正小标宋 title, 黑体 一、, 仿宋 body), the three tables drawn with merged cells, labels
 * typed with half-width brackets and straight quotes as copies of the format often have them.
 * The labels are typed here from the published format, not read from the template.
 */

/** A cell: text, or a number (null for a cell left blank), with its spans. */
export interface HandCell {
  text: string | number | null;
  colspan?: number;
  rowspan?: number;
}
export type HandRow = HandCell[];

const APPLICANT_HEADERS: HandRow[] = [
  [
    { text: "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", colspan: 3, rowspan: 3 },
    { text: "申请人情况", colspan: 7 },
  ],
  [
    { text: "自然人", rowspan: 2 },
    { text: "法人或其他组织", colspan: 5 },
    { text: "总计", rowspan: 2 },
  ],
  ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map((text) => ({ text })),
];

const DENY = [
  "1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  '3.危及"三安全一稳定"',
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
];
const UNABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"];
const NOPROC = [
  "1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
];
const OTHER = [
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
];

/** Seven numbers of a row of 表三; the 总计 is what the report printed, right or wrong. */
export type Seven = readonly [number | null, number | null, number | null, number | null, number | null, number | null, number | null];
const nums = (values: Seven): HandCell[] => values.map((text) => ({ text }));
const ZERO: Seven = [0, 0, 0, 0, 0, 0, 0];

/**
 * 表三 with the given rows (by label; a row not given is all 0). `edition2019` draws （六）其他处理
 * as one row of numbers, as the 2019 trial format did.
 */
export function table3(rows: Readonly<Record<string, Seven>>, edition2019 = false): HandRow[] {
  const r = (label: string): Seven => rows[label] ?? ZERO;
  const group = (label: string, items: string[]): HandRow[] =>
    items.map((item, i) => [...(i === 0 ? [{ text: label, rowspan: items.length }] : []), { text: item }, ...nums(r(item))]);
  const other: HandRow[] = edition2019
    ? [[{ text: "(六)其他处理", colspan: 2 }, ...nums(r("(六)其他处理"))]]
    : group("(六)其他处理", OTHER);
  const results: HandRow[] = [
    [{ text: "(一)予以公开", colspan: 2 }, ...nums(r("(一)予以公开"))],
    [{ text: "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", colspan: 2 }, ...nums(r("(二)部分公开"))],
    ...group("(三)不予公开", DENY),
    ...group("(四)无法提供", UNABLE),
    ...group("(五)不予处理", NOPROC),
    ...other,
    [{ text: "(七)总计", colspan: 2 }, ...nums(r("(七)总计"))],
  ];
  const first = results[0] ?? [];
  return [
    ...APPLICANT_HEADERS,
    [{ text: "一、本年新收政府信息公开申请数量", colspan: 3 }, ...nums(r("一"))],
    [{ text: "二、上年结转政府信息公开申请数量", colspan: 3 }, ...nums(r("二"))],
    [{ text: "三、本年度办理结果", rowspan: results.length }, ...first],
    ...results.slice(1),
    [{ text: "四、结转下年度继续办理", colspan: 3 }, ...nums(r("四"))],
  ];
}

/** 表二 in the 2021 format, or in the 2019 trial format's columns. */
export function table2(
  values: { nds: [number, number, number]; lic: number; pen: number; coe: number; fee: string },
  edition2019 = false,
): HandRow[] {
  const block = (caption: string, headers: string[], rows: HandRow[]): HandRow[] => [
    [{ text: caption, colspan: 4 }],
    [{ text: "信息内容" }, ...headers.map((text) => ({ text, colspan: headers.length === 1 ? 3 : 1 }))],
    ...rows,
  ];
  if (edition2019) {
    return [
      ...block(
        "第二十条第(一)项",
        ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
        [
          [{ text: "规章" }, { text: 0 }, { text: 0 }, { text: 0 }],
          [{ text: "规范性文件" }, ...values.nds.map((text) => ({ text }))],
        ],
      ),
      ...block(
        "第二十条第(五)项",
        ["上一年项目数量", "本年增/减", "处理决定数量"],
        [[{ text: "行政许可" }, { text: 3 }, { text: 0 }, { text: values.lic }]],
      ),
      ...block(
        "第二十条第(六)项",
        ["上一年项目数量", "本年增/减", "处理决定数量"],
        [
          [{ text: "行政处罚" }, { text: 2 }, { text: 0 }, { text: values.pen }],
          [{ text: "行政强制" }, { text: 0 }, { text: 0 }, { text: values.coe }],
        ],
      ),
    ];
  }
  return [
    ...block(
      "第二十条第(一)项",
      ["本年制发件数", "本年废止件数", "现行有效件数"],
      [
        [{ text: "规章" }, { text: 0 }, { text: 0 }, { text: 0 }],
        [{ text: "行政规范性文件" }, ...values.nds.map((text) => ({ text }))],
      ],
    ),
    ...block("第二十条第(五)项", ["本年处理决定数量"], [[{ text: "行政许可" }, { text: values.lic, colspan: 3 }]]),
    ...block(
      "第二十条第(六)项",
      ["本年处理决定数量"],
      [
        [{ text: "行政处罚" }, { text: values.pen, colspan: 3 }],
        [{ text: "行政强制" }, { text: values.coe, colspan: 3 }],
      ],
    ),
    ...block("第二十条第(八)项", ["本年收费金额(单位:万元)"], [[{ text: "行政事业性收费" }, { text: values.fee, colspan: 3 }]]),
  ];
}

/** 表四, its one row as given (null: left blank). */
export function table4(row: readonly (number | null)[]): HandRow[] {
  const five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  return [
    [
      { text: "行政复议", colspan: 5 },
      { text: "行政诉讼", colspan: 10 },
    ],
    [...five.map((text) => ({ text, rowspan: 2 })), { text: "未经复议直接起诉", colspan: 5 }, { text: "复议后起诉", colspan: 5 }],
    [...five, ...five].map((text) => ({ text })),
    row.map((text) => ({ text })),
  ];
}

export type HandBlock = { heading: string } | { text: string } | { table: HandRow[] };

const run = (text: string, font: string, halfPoints: number): TextRun =>
  new TextRun({ text, font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: font }, size: halfPoints });

function handTable(rows: HandRow[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: row.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colspan ?? 1,
                rowSpan: cell.rowspan ?? 1,
                children: [
                  new Paragraph({
                    alignment: typeof cell.text === "number" ? AlignmentType.CENTER : AlignmentType.LEFT,
                    children: [run(cell.text === null ? "" : String(cell.text), "仿宋_GB2312", 21)],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** The report as a Word file: title, blocks in order. */
export async function makeXxgkDocx(title: string, blocks: readonly HandBlock[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title, "方正小标宋简体", 44)] }),
  ];
  for (const block of blocks) {
    if ("heading" in block) children.push(new Paragraph({ indent: { firstLine: 640 }, children: [run(block.heading, "黑体", 32)] }));
    else if ("text" in block) children.push(new Paragraph({ indent: { firstLine: 640 }, children: [run(block.text, "仿宋_GB2312", 32)] }));
    else children.push(handTable(block.table));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
