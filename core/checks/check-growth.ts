import { Exact } from "../fields/exact";
import { boundGrowth } from "../fields/bound-growth";
import { fieldYoy } from "../fields/compare-yoy";
import { isRateKind } from "../fields/field-value-problems";
import { formatValue } from "../fields/format-field";
import { plainDecimal } from "../fields/parse-value";
import type { Field } from "../model/field";
import type { CheckContext } from "./check-context";
import { at, type Finding, type Fix } from "./finding";
import { firstFieldUses, type TextBlock } from "./report-blocks";

const RISE = /(增长|上升|增加|提高)$/;
const FALL = /(下降|减少|降低)$/;
/** A change stated right after a value: "，同比增长17.48%". Stops at the clause's end. */
const STATED_CHANGE = /^[^。；！？\n]*?(?:同比|比上年|较上年)?(增长|上升|增加|提高|下降|减少|降低)了?\s*(\d+(?:\.\d+)?)\s*%/;
/** A clause leading into a growth atom: "，同比增长" + [17.48%]. */
const DIRECTION_LEAD = /^[^。；！？\n]*?(?:同比|比上年|较上年)?(增长|上升|增加|提高|下降|减少|降低)了?\s*$/;
/**
 * A rate whose change is given in %: "结案率同比增长1.3%", "答复率达93.3%，同比提高1.3%".
 * Heuristic over plain text, hence a warning: a relative change of a rate is rare but possible.
 */
const RATE_CHANGE_IN_PERCENT =
  /率(?:(?:达到|达|为|是)?\s*\d+(?:\.\d+)?\s*%\s*[，,]\s*)?(?:同比|比上年|较上年|与上年相比)?\s*(增长|上升|增加|提高|下降|减少|降低)了?\s*(\d+(?:\.\d+)?)\s*%/g;

/** Stated growth against computed growth; % against 百分点. */
export function checkGrowth({ report, blocks }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const fields = report.fields;
  const useOf = firstFieldUses(blocks);
  for (const field of Object.values(fields)) {
    if (field.kind !== "growth" || field.baseFieldId === null) continue;
    const use = useOf.get(field.id);
    const where = at(use?.part ?? null, use?.path ?? ["fields", field.id], field.id);
    const growth = boundGrowth(fields, field);
    if (growth === undefined) {
      findings.push({
        id: "GROWTH-BASE-MISSING",
        severity: "error",
        message: `增幅“${field.label}”所依据的字段“${field.baseFieldId}”不存在`,
        location: where,
      });
      continue;
    }
    if (isRateKind(growth.base.kind)) {
      findings.push({
        id: "RATE-CHANGE-PERCENT",
        severity: "error",
        message: `“${growth.base.label}”是比率，其变化应写作“提高/下降N个百分点”，不能写作百分比增幅`,
        location: where,
      });
      continue;
    }
    if (growth.exact === null || field.value === null) continue;
    const stated = new Exact(field.value);
    const computed = new Exact(growth.exact);
    const wrongSign = stated.isNeg() && computed.isPos();
    if (growth.approximate ? wrongSign : wrongSign || !withinRounding(stated.abs(), computed.abs(), field.decimals)) {
      const rounded = plainDecimal(computed.abs().toDecimalPlaces(field.decimals, Exact.ROUND_HALF_UP));
      findings.push({
        id: "GROWTH-MISMATCH",
        severity: "error",
        message: `“${field.label}”填写为 ${field.value}%，按“${growth.base.label}”本年 ${formatValue(growth.base) ?? ""}、上年 ${growth.base.lastYear === null ? "" : (formatValue({ ...growth.base.lastYear, decimals: growth.base.decimals }) ?? "")} 计算应为 ${rounded}%`,
        location: where,
        ...(growth.approximate
          ? {}
          : { fix: { type: "setFieldValue" as const, fieldId: field.id, value: rounded, label: `改为 ${rounded}` } }),
      });
    }
  }
  for (const block of blocks) findings.push(...checkBlock(block, fields));
  return findings;
}

interface StatedChange {
  verb: string;
  /** The stated size in %, as written. */
  number: string;
  decimals: number;
  /** Where the finding points and how to fix the stated figure. */
  location: Finding["location"];
  fixTo: (figure: string) => Fix;
  /** A text fix from % to 百分点 when the figure is a rate's change; null for a growth atom. */
  toPoints: Fix | null;
}

/**
 * Walks each sentence: value atoms are remembered, nearest first, until a stated change
 * ("同比增长17.48%" typed, or "同比增长" + a growth atom) is judged against them. In
 * "超36万件，占全区总量约26%，同比增长17.48%" the change belongs to the count, not the share.
 */
function checkBlock(block: TextBlock, fields: Readonly<Record<string, Field>>): Finding[] {
  const findings: Finding[] = [];
  let candidates: Field[] = [];
  let lead: string | null = null;
  block.pieces.forEach((piece, i) => {
    if (piece.type === "text") {
      for (const m of piece.text.matchAll(RATE_CHANGE_IN_PERCENT)) {
        findings.push({
          id: "RATE-CHANGE-PERCENT",
          severity: "warning",
          message: `比率的变化应写作“${FALL.test(m[1] ?? "") ? "下降" : "提高"}N个百分点”，不宜写作“${m[1] ?? ""}${m[2] ?? ""}%”`,
          location: at(block.part, piece.path),
        });
      }
      const stated = STATED_CHANGE.exec(piece.text);
      if (stated && candidates.length > 0) {
        const [whole, verb = "", number = "0"] = stated;
        const offset = stated.index + whole.lastIndexOf(number);
        const from = whole.slice(whole.lastIndexOf(number));
        const replace = (to: string, label: string): Fix => ({ type: "replaceText", path: piece.path, offset, from, to, label });
        findings.push(
          ...judgeStated(candidates, {
            verb,
            number,
            decimals: decimalsOf(number),
            location: at(block.part, piece.path, null),
            fixTo: (figure) => replace(`${figure}%`, `改为 ${figure}%`),
            toPoints: replace(`${number}个百分点`, `改为“${number}个百分点”`),
          }),
        );
      }
      lead = DIRECTION_LEAD.exec(piece.text)?.[1] ?? null;
      if (/[。；！？\n]/.test(piece.text)) candidates = [];
      return;
    }
    const field = fields[piece.fieldId];
    const leadVerb = lead;
    lead = null;
    if (!field || piece.show !== "value") return;
    if (field.kind !== "growth") {
      candidates = [field, ...candidates];
      return;
    }
    if (field.baseFieldId !== null) {
      const before = block.pieces[i - 1];
      const direction = before?.type === "text" ? before.text.trimEnd() : "";
      const growth = boundGrowth(fields, field);
      const sign = growth?.exact == null ? null : new Exact(growth.exact);
      if (sign !== null && ((RISE.test(direction) && sign.isNeg()) || (FALL.test(direction) && sign.isPos()))) {
        findings.push({
          id: "GROWTH-DIRECTION",
          severity: "error",
          message: `文中写“${RISE.test(direction) ? "增长" : "下降"}”，但“${growth?.base.label ?? ""}”实际${sign.isNeg() ? "下降" : "增长"}了`,
          location: at(block.part, piece.path, field.id),
        });
      }
      return;
    }
    if (leadVerb === null || field.value === null || candidates.length === 0) return;
    findings.push(
      ...judgeStated(candidates, {
        verb: leadVerb,
        number: field.value,
        decimals: field.decimals,
        location: at(block.part, piece.path, field.id),
        fixTo: (figure) => ({ type: "setFieldValue", fieldId: field.id, value: figure, label: `改为 ${figure}` }),
        toPoints: null,
      }),
    );
  });
  return findings;
}

function judgeStated(candidates: readonly Field[], change: StatedChange): Finding[] {
  const counts = candidates.filter((f) => !isRateKind(f.kind));
  const verdicts = counts.map((f) => ({ field: f, verdict: judge(f, change.verb, change.number, change.decimals) }));
  if (verdicts.some((v) => v.verdict.kind === "ok")) return [];
  const nearest = candidates[0];
  if (nearest === undefined) return [];
  const { verb, number } = change;
  if (counts.length === 0) {
    const rate = judge(nearest, verb, number, change.decimals);
    const exact = rate.kind === "rate" && rate.pointsMatch;
    return [
      {
        id: "RATE-CHANGE-PERCENT",
        // When the figure is not the rate's change in points, it may describe some other quantity.
        severity: exact ? "error" : "warning",
        message: `“${nearest.label}”是比率，其变化应写作“${FALL.test(verb) ? "下降" : "提高"}N个百分点”，而非“${verb}${number}%”`,
        location: { ...change.location, fieldId: change.location.fieldId ?? nearest.id },
        ...(exact && change.toPoints !== null ? { fix: change.toPoints } : {}),
      },
    ];
  }
  const first = verdicts[0];
  if (first === undefined) return [];
  const { field, verdict } = first;
  const location = { ...change.location, fieldId: change.location.fieldId ?? field.id };
  if (verdict.kind === "direction") {
    return [
      {
        id: "GROWTH-DIRECTION",
        severity: "error",
        message: `文中写“${verb}”，但“${field.label}”按两年数值计算${verdict.wording}`,
        location,
      },
    ];
  }
  if (verdict.kind === "mismatch") {
    return [
      {
        id: "GROWTH-MISMATCH",
        severity: "error",
        message: `文中写“${verb}${number}%”，按“${field.label}”两年数值计算应为“${verdict.wording}”`,
        location,
        fix: change.fixTo(verdict.rounded),
      },
    ];
  }
  return [];
}

type Verdict =
  | { kind: "ok" }
  | { kind: "rate"; pointsMatch: boolean }
  | { kind: "direction"; wording: string }
  | { kind: "mismatch"; wording: string; shown: string; rounded: string };

/**
 * A change stated in words (verb) and a number (in %, to `decimals` places) against the change
 * computed from the field's two years. Approximate values are only held to their direction.
 */
function judge(field: Field, verb: string, number: string, decimals: number): Verdict {
  const yoy = fieldYoy(field);
  const stated = new Exact(number).abs();
  if (isRateKind(field.kind))
    return { kind: "rate", pointsMatch: yoy?.exact != null && withinRounding(stated, new Exact(yoy.exact).abs(), decimals) };
  if (yoy === null || yoy.mode !== "percent" || yoy.exact === null || yoy.shown === null) return { kind: "ok" };
  const rising = !FALL.test(verb);
  if (yoy.direction !== "flat" && rising !== (yoy.direction === "up")) return { kind: "direction", wording: yoy.wording };
  const exact = new Exact(yoy.exact).abs();
  if (yoy.approximate || withinRounding(stated, exact, decimals)) return { kind: "ok" };
  return {
    kind: "mismatch",
    wording: yoy.wording,
    shown: yoy.shown,
    rounded: plainDecimal(exact.toDecimalPlaces(decimals, Exact.ROUND_HALF_UP)),
  };
}

/** Whether a figure stated to `decimals` places can be the half-up rounding of `exact`. */
function withinRounding(stated: Exact, exact: Exact, decimals: number): boolean {
  return stated.minus(exact).abs().lte(new Exact(10).pow(-decimals).div(2));
}

function decimalsOf(number: string): number {
  return number.split(".")[1]?.length ?? 0;
}
