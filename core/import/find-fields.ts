import { Exact } from "../fields/exact";
import { formatValue } from "../fields/format-field";
import type { DisplayScale, FieldKind, Qualifier, WrittenForm } from "../model/field";
import { CHINESE_NUMERAL_CHARS, parseChineseDecimal } from "../text/chinese-numeral";
import { toHalfWidth } from "../text/to-half-width";

/** A quantitative fact found in running text; offsets index the text given to findFields. */
export interface FoundField {
  /** The value expression the field atom replaces: 超 36 万件, 1900 余件, 93.26%. */
  start: number;
  end: number;
  /** Exact source substring naming the value, through the value: 受理信访件 590 件. */
  text: string;
  label: string;
  /** Exact value in base units as a decimal string: 超36万件 → "360000". */
  value: string;
  unit: string | null;
  scale: DisplayScale;
  /** The qualifier inside the atom (what the atom will display). */
  qualifier: Qualifier;
  /** The qualifier the sentence states, including those left in the text (超过, 逾, 累计). */
  statedQualifier: Qualifier;
  decimals: number;
  kind: FieldKind;
  percent: boolean;
  /** For a growth rate: the index (in the returned list) of the count it refers to. */
  baseIndex: number | null;
  /** How the number is written; formatting the value with it gives back text.slice(start, end) exactly. */
  written: WrittenForm;
}

/*
 * Hand-written: no library recognises Chinese statistical phrases (量词 units, 万/亿 scales,
 * 余/超/约 qualifiers, 一千九百余件) while telling them from ordinals, names and slogans.
 */

const UNITS = [
  "个百分点",
  "个工作日",
  "平方公里",
  "平方米",
  "立方米",
  "人次",
  "家次",
  "场次",
  "户次",
  "件次",
  "批次",
  "期次",
  "车次",
  "个次",
  "公里",
  "千米",
  "公顷",
  "学时",
  "课时",
  "个",
  "件",
  "座",
  "处",
  "场",
  "家",
  "条",
  "份",
  "次",
  "人",
  "名",
  "项",
  "元",
  "亩",
  "米",
  "户",
  "起",
  "宗",
  "批",
  "篇",
  "期",
  "张",
  "册",
  "本",
  "所",
  "支",
  "台",
  "辆",
  "套",
  "部",
  "类",
  "吨",
  "间",
  "栋",
  "幢",
  "封",
  "组",
  "队",
  "位",
  "例",
  "宗",
] as const;

/** A unit followed by one of these characters is the first half of another word (部门, 条例, 元旦). */
const UNIT_WORD_CONTINUATIONS: Readonly<Record<string, string>> = {
  个: "月小星",
  部: "门署分队位",
  条: "件例款线规",
  名: "单称义额录",
  期: "间限待望",
  处: "理置罚室级长分",
  家: "庭园长属乡风",
  类: "型别似",
  所: "有在属以谓得",
  场: "所景地合域馆",
  人: "民员大口才格群身",
  项: "目",
  本: "地级年届次单镇区市县部系",
  支: "持付出部队撑",
  台: "账阶",
  批: "准复示评",
  户: "籍口外",
  起: "草来点步到始码",
  宗: "教旨",
  篇: "章",
  元: "旦素年",
  间: "隔断",
  份: "额子",
  组: "织成建长",
  队: "伍员长",
  位: "于置次",
  例: "如外行",
  米: "粮",
  座: "谈",
};

/** Words after "个" that make a figure of speech, not a count (五个方面, 两个维护). */
const NOT_COUNTED_AFTER_GE =
  /^(方面|环节|层面|维度|重点|必须|坚持|着力|原则|意识|自信|维护|确立|全面|代表|务必|统筹|结合|转变|关键|更加|一以贯之)/;

/** Fixed political and legal terms that contain numerals (domain.md §3.3). */
const TERMS = [
  "三项制度",
  "一村一法律顾问",
  "一村（社区）一法律顾问",
  "一村(社区)一法律顾问",
  "八五普法",
  "七五普法",
  "九五普法",
  "二十大",
  "十九大",
  "十四五",
  "十三五",
  "十五五",
  "两法衔接",
  "法律七进",
  "法律八进",
  "两个确立",
  "两个维护",
  "四个意识",
  "四个自信",
  "四个全面",
  "三个代表",
  "五位一体",
  "两会",
  "三会一课",
  "两学一做",
  "三重一大",
  "一网通办",
  "一件事",
  "一站式",
  "第一道防线",
  "两新组织",
  "两代表一委员",
  "三官一律",
  "一府一委两院",
  "三治融合",
  "四下基层",
  "五大发展理念",
  "三大攻坚战",
  "双随机、一公开",
];

const HALF_WIDTH_TERMS = TERMS.map(toHalfWidth);

const CN = `[${CHINESE_NUMERAL_CHARS}]{1,12}(?:点[〇零一二三四五六七八九]{1,4})?`;
// Bounded repetitions keep the scan linear on hostile input (a megabyte of digits or spaces).
const ARABIC = String.raw`\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,8})?|\d{1,15}(?:\.\d{1,8})?`;
const UNIT_ALT = UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const FIELD_PATTERN = new RegExp(
  String.raw`(?<pre>超过|超|约|近|逾|将近|接近|大约)?\s{0,2}(?:百分之(?<pnum>${ARABIC}|${CN})|(?:(?<num>${ARABIC})|(?<cnum>${CN}))\s{0,2}(?<yu0>余|多)?(?<scale>万|亿)?\s{0,2}(?<yu>余|多)?\s{0,2}(?<unit>%|${UNIT_ALT}))(?<post>以上|余)?`,
  "gu",
);

const IN_ATOM_PREFIXES = new Set(["超", "约", "近"]);
const STATED_PREFIX: Readonly<Record<string, Qualifier>> = {
  超过: "超",
  超: "超",
  逾: "超",
  约: "约",
  大约: "约",
  近: "近",
  将近: "近",
  接近: "近",
};
const CLAUSE_BREAK = /[。,;:!?，；：！？\n()（）“”"《》]/u;
const LEADING_FILLER =
  /^([一二三四五六七八九十]+是|全年共|全年|共计|共|累计|其中|并且|并|同时|先后|已经|已|均|合计|总计|另外|此外|截至目前|目前|今年以来|年内)+/u;
const GROWTH_WORDS = /(同比|环比|增长|增加|上升|提高|提升|下降|减少|降低|增幅|降幅|上涨|回落)\s*$/u;
const MAX_LABEL_CHARS = 40;

/** Finds the values a clerk would update next year, skipping years, ordinals, names and slogans. */
export function findFields(text: string): FoundField[] {
  const normalized = toHalfWidth(text);
  const blocked = blockedRanges(normalized);
  const found: FoundField[] = [];
  let lastEnd = 0;
  for (const m of normalized.matchAll(FIELD_PATTERN)) {
    const g = m.groups ?? {};
    const matchStart = m.index;
    const pre = g["pre"];
    const numberText = g["num"] ?? g["cnum"] ?? g["pnum"] ?? "";
    const numberStart = normalized.indexOf(numberText, matchStart + (pre?.length ?? 0));
    const unit = g["pnum"] !== undefined ? "%" : (g["unit"] ?? "");
    const end = matchStart + m[0].length;
    if (numberStart < 0 || isBlocked(blocked, numberStart, end)) continue;
    if (
      !acceptable(normalized, text, {
        numberStart,
        numberText,
        end,
        unit,
        isChinese: g["cnum"] !== undefined,
        pre,
        yu: g["yu"] ?? g["yu0"],
        post: g["post"],
        unitEnd: end - (g["post"]?.length ?? 0),
      })
    )
      continue;
    const chinese = g["cnum"] !== undefined || (g["pnum"] !== undefined && !/^\d/.test(numberText));
    const chineseValue = chinese ? parseChineseDecimal(numberText) : null;
    if (chinese && chineseValue === null) continue;
    const parsed = new Exact(chineseValue ?? numberText.replaceAll(",", ""));
    const scaleText = g["scale"];
    const built = valueOf(parsed, numberText, chinese, scaleText, unit);
    const preQualifier = pre === undefined ? null : (STATED_PREFIX[pre] ?? null);
    const inAtomPre = pre !== undefined && IN_ATOM_PREFIXES.has(pre);
    const atomStart = inAtomPre ? matchStart : g["pnum"] !== undefined ? normalized.lastIndexOf("百分之", numberStart) : numberStart;
    const yuQualifier: Qualifier | null =
      g["yu"] !== undefined || g["yu0"] !== undefined || g["post"] === "余" ? "余" : g["post"] === "以上" ? "以上" : null;
    const atomQualifier: Qualifier = (inAtomPre ? preQualifier : null) ?? yuQualifier ?? "none";
    const clauseStart = findClauseStart(normalized, atomStart, lastEnd);
    const before = text.slice(clauseStart, atomStart);
    const stated: Qualifier = preQualifier ?? yuQualifier ?? (before.includes("累计") ? "累计" : "none");
    const kind = kindOf(unit, built.unit, normalized.slice(clauseStart, atomStart));
    const base = kind === "growth" ? growthBase(found, normalized, atomStart) : null;
    const clauseEnd = findClauseEnd(normalized, end);
    const label = labelOf(before, text.slice(end, clauseEnd));
    // With no words before the number (新建 2 座卫星消防站) the words after it say what was counted.
    const textEnd = namesThingAfter(before) && /^\p{Script=Han}/u.test(text.slice(end, clauseEnd)) ? clauseEnd : end;
    const baseLabel = base === null ? undefined : found[base]?.label;
    const written = writtenForm(text, atomStart, end, numberStart, numberText, chinese, built.scale);
    // A number is a field only when printing its value gives back the text as written.
    if (formatValue({ ...built, qualifier: atomQualifier, written }) !== text.slice(atomStart, end)) continue;
    found.push({
      start: atomStart,
      end,
      text: text.slice(clauseStart, textEnd).trim(),
      label: baseLabel === undefined ? label : `${baseLabel}${label}`.slice(-MAX_LABEL_CHARS),
      value: built.value,
      unit: built.unit,
      scale: built.scale,
      qualifier: atomQualifier,
      statedQualifier: stated,
      decimals: built.decimals,
      kind,
      percent: built.unit === "%",
      baseIndex: base,
      written,
    });
    lastEnd = end;
  }
  return found;
}

interface Candidate {
  numberStart: number;
  numberText: string;
  end: number;
  unitEnd: number;
  unit: string;
  isChinese: boolean;
  pre: string | undefined;
  yu: string | undefined;
  post: string | undefined;
}

function acceptable(normalized: string, original: string, c: Candidate): boolean {
  const prev = previousNonSpace(normalized, c.numberStart);
  // A numeral glued to 点 is the tail of one the pattern could not read whole (二点六 past its length).
  if (prev !== null && /[A-Za-z0-9.第前后\-/#点]/u.test(prev)) return false;
  const window = normalized.slice(Math.max(0, c.numberStart - 6), c.numberStart);
  if (/每/u.test(window) && !/[,。;]/u.test(window.slice(window.lastIndexOf("每")))) return false;
  const next = normalized[c.unitEnd] ?? "";
  if (c.unit !== "%" && c.post === undefined && next !== "" && (UNIT_WORD_CONTINUATIONS[c.unit] ?? "").includes(next)) return false;
  if (c.unit === "个" && NOT_COUNTED_AFTER_GE.test(normalized.slice(c.unitEnd, c.unitEnd + 8))) return false;
  if (/\d,\d/u.test(c.numberText) && !/\d,\d/u.test(original.slice(c.numberStart, c.numberStart + c.numberText.length))) return false;
  // 第二、三批 and 第1、2次 are ordinals, however many follow the 第.
  if (ORDINAL_LIST.test(normalized.slice(Math.max(0, c.numberStart - 24), c.numberStart))) return false;
  if (c.isChinese) {
    const value = Number(parseChineseDecimal(c.numberText) ?? Number.NaN);
    if (Number.isNaN(value) || (value < 2 && !c.numberText.includes("点"))) return false;
    const qualified = c.pre !== undefined || c.yu !== undefined || c.post !== undefined;
    if (/^[十百千万亿]$/u.test(c.numberText) && !qualified) return false;
    if (prev !== null && /[数上几好]/u.test(prev)) return false;
    if (c.unit === "期" || c.unit === "类") return false;
    if (/^[〇零一二三四五六七八九]{2,}$/u.test(c.numberText)) return false;
  }
  return true;
}

const ORDINAL_LIST = new RegExp(`第[\\d${CHINESE_NUMERAL_CHARS}]{1,6}(?:[、,][\\d${CHINESE_NUMERAL_CHARS}]{1,6})*[、,]\\s{0,2}$`, "u");

/** The written form of a recognised number: its numerals and the words around it, "#" for the number. */
function writtenForm(
  text: string,
  atomStart: number,
  end: number,
  numberStart: number,
  numberText: string,
  chinese: boolean,
  scale: DisplayScale,
): WrittenForm {
  const atom = text.slice(atomStart, end);
  const original = text.slice(numberStart, numberStart + numberText.length);
  // 两万人: the 万 of a Chinese numeral is the field's scale and stays in the frame.
  const numberLength = chinese && scale !== "none" && /.[万亿]$/u.test(numberText) ? numberText.length - 1 : numberText.length;
  const from = numberStart - atomStart;
  return {
    numerals: chinese ? "chinese" : "digits",
    two: /^二(?:[百千万亿]|$)/u.test(original.slice(0, numberLength)) ? "二" : "两",
    bareUnit: chinese && /^[百千万亿]/u.test(original),
    grouped: /[,，]/u.test(original),
    fullWidth: /[０-９]/u.test(original),
    frame: `${atom.slice(0, from)}#${atom.slice(from + numberLength)}`,
  };
}

function valueOf(
  parsed: Exact,
  numberText: string,
  isChinese: boolean,
  scaleText: string | undefined,
  unit: string,
): { value: string; unit: string | null; scale: DisplayScale; decimals: number } {
  const fraction = /[.点](\d+|[〇零一二三四五六七八九]+)$/u.exec(numberText)?.[1]?.length ?? 0;
  if (scaleText !== undefined && unit === "元") {
    return { value: parsed.toFixed(), unit: `${scaleText}元`, scale: "none", decimals: fraction };
  }
  if (scaleText !== undefined) {
    const factor = scaleText === "亿" ? 1e8 : 1e4;
    return { value: parsed.times(factor).toFixed(), unit, scale: scaleText === "亿" ? "亿" : "万", decimals: fraction };
  }
  // 两万人 is 2 in 万; a bare 万 (近万人) is one 万 written as a numeral, not a scale.
  if (isChinese && /.[万亿]$/u.test(numberText) && parsed.gte(1e4)) {
    return { value: parsed.toFixed(), unit, scale: numberText.endsWith("亿") ? "亿" : "万", decimals: 0 };
  }
  return { value: parsed.toFixed(), unit, scale: "none", decimals: fraction };
}

function kindOf(rawUnit: string, unit: string | null, clause: string): FieldKind {
  if (rawUnit === "个百分点") return "growth";
  if (unit === "%") {
    if (GROWTH_WORDS.test(clause)) return "growth";
    if (/占/u.test(clause)) return "ratio";
    return "percent";
  }
  if (unit !== null && /元$|平方|立方|公里|千米|公顷|^亩$|^米$|^吨$/u.test(unit)) return "amount";
  return "count";
}

function growthBase(found: readonly FoundField[], normalized: string, atomStart: number): number | null {
  const from = Math.max(0, atomStart - 200);
  const window = normalized.slice(from, atomStart);
  const sentenceStart = from + Math.max(window.lastIndexOf("。"), window.lastIndexOf(";"));
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i];
    if (!f || f.start < sentenceStart) break;
    if (f.kind === "count" || f.kind === "amount") return i;
  }
  return null;
}

function findClauseStart(normalized: string, from: number, floor: number): number {
  let i = from;
  while (i > floor && i > from - MAX_LABEL_CHARS) {
    const ch = normalized[i - 1] ?? "";
    if (CLAUSE_BREAK.test(ch)) break;
    i--;
  }
  while (i < from && /[\s、]/u.test(normalized[i] ?? "")) i++;
  // An enumerator or a time phrase (一是, 2023年, 截至12月底) opens the clause but does not name the value.
  const lead = /^(?:[一二三四五六七八九十]+是|(?:19|20)\d{2}年(?:度|以来)?|截至\S{1,8}底|今年以来)\s?/u.exec(normalized.slice(i, from));
  return lead === null ? i : i + lead[0].length;
}

function findClauseEnd(normalized: string, from: number): number {
  let i = from;
  while (i < normalized.length && i < from + 20 && !CLAUSE_BREAK.test(normalized[i] ?? "")) i++;
  return i;
}

function labelHead(before: string): string {
  return before
    .replace(/\s+/gu, "")
    .replace(LEADING_FILLER, "")
    .replace(/(均达到|均达|均为|达到|达|为|至|共|超过|逾|累计|均)$/u, "");
}

function namesThingAfter(before: string): boolean {
  return labelHead(before).replace(/^(顺利|圆满|成功|累计|新|已)/u, "").length <= 3;
}

function labelOf(before: string, after: string): string {
  const head = labelHead(before);
  const tail = after.replace(/\s+/gu, "");
  const label = namesThingAfter(before) && /^\p{Script=Han}/u.test(tail) ? `${head}${tail}` : head;
  return label.slice(-MAX_LABEL_CHARS) || "数值";
}

function previousNonSpace(text: string, index: number): string | null {
  for (let i = index - 1; i >= 0; i--) {
    const ch = text[i] ?? "";
    if (!/\s/u.test(ch)) return ch;
  }
  return null;
}

type Range = readonly [number, number];

/** Quoted names (“15分钟医保服务圈”, 《…》) and fixed terms: numbers there are text. */
function blockedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  const pairs: readonly [string, string][] = [
    ["“", "”"],
    ["‘", "’"],
    ["《", "》"],
    ["「", "」"],
    ["〔", "〕"],
    ["[", "]"],
  ];
  for (const [open, close] of pairs) {
    let from = 0;
    for (;;) {
      const s = text.indexOf(open, from);
      if (s < 0) break;
      const e = text.indexOf(close, s + 1);
      if (e < 0 || e - s > 40) {
        from = s + 1;
        continue;
      }
      ranges.push([s, e + 1]);
      from = e + 1;
    }
  }
  const straight = /"[^"\n]{1,40}"/gu;
  for (const m of text.matchAll(straight)) ranges.push([m.index, m.index + m[0].length]);
  for (const needle of HALF_WIDTH_TERMS) {
    let from = 0;
    for (;;) {
      const s = text.indexOf(needle, from);
      if (s < 0) break;
      ranges.push([s, s + needle.length]);
      from = s + needle.length;
    }
  }
  return ranges;
}

function isBlocked(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some(([s, e]) => start < e && end > s);
}
