import { z } from "zod";
import { PartId } from "./part-id";
import { Severity } from "./severity";

/**
 * A term of a sum: a cell id, "-" in front to subtract it, "prev:" in front for last year's value
 * of that cell; "{name}" stands for the value of a forEach variable.
 */
const Term = z.string().regex(/^-?(prev:)?[A-Za-z{][A-Za-z0-9_.{}-]{0,80}$/, "项的写法不正确 (bad term)");

/** A sum of cells with the short name findings print (一+二, 三（七）+四). */
export const RuleSum = z.object({ label: z.string().min(1).max(100), terms: z.array(Term).max(100) }).strict();
export type RuleSum = z.infer<typeof RuleSum>;

/** A condition on one sum: the rule applies only when it holds. */
export const RuleCondition = RuleSum.extend({ op: z.enum(["=", ">", ">=", "<", "<="]), value: z.number() }).strict();
export type RuleCondition = z.infer<typeof RuleCondition>;

const RuleBase = {
  /** The rule's id as the template's notes number it (R1), printed with each finding. */
  id: z.string().regex(/^[A-Z][A-Z0-9]{0,15}$/),
  severity: Severity,
  /** What the rule asks, in the clerk's words; "{name}" is replaced by the variable's label. */
  name: z.string().min(1).max(300),
};

const ForEachValue = z.object({ value: z.string().regex(/^[A-Za-z0-9_]{1,40}$/), label: z.string().min(1).max(100) }).strict();

/** `left op right` over cells; with forEach, once per value of each variable. */
export const CompareRule = z
  .object({
    ...RuleBase,
    kind: z.literal("compare"),
    forEach: z.record(z.string().regex(/^[a-z]{1,10}$/), z.array(ForEachValue).min(1).max(100)).optional(),
    when: RuleCondition.optional(),
    left: RuleSum,
    op: z.enum(["=", "<=", ">="]),
    right: RuleSum,
  })
  .strict();
export type CompareRule = z.infer<typeof CompareRule>;

/** Figures written in the prose (收到申请12件) that must equal a sum of cells. */
export const ProseRule = z
  .object({
    ...RuleBase,
    kind: z.literal("prose"),
    figures: z
      .array(
        z
          .object({
            what: z.string().min(1).max(50),
            /** A regular expression whose first group captures the number, in digits or Chinese numerals (十二, 两). */
            pattern: z.string().min(1).max(300),
            terms: z.array(Term).min(1).max(20),
            /** How the finding names the cells. */
            cellLabel: z.string().min(1).max(100),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type ProseRule = z.infer<typeof ProseRule>;

/** When the condition holds, the part's text must mention `pattern`. */
export const TextRule = z
  .object({ ...RuleBase, kind: z.literal("text"), when: RuleCondition.optional(), part: PartId, pattern: z.string().min(1).max(300) })
  .strict();
export type TextRule = z.infer<typeof TextRule>;

/** Every table cell's stored value meets its constraints (whole numbers ≥ 0, 万元 with ≤ 2 decimals). */
export const CellValuesRule = z.object({ ...RuleBase, kind: z.literal("cellValues") }).strict();

/** The 成文日期 is no later than the publication deadline (the report's own setting, else the template's). */
export const DeadlineRule = z.object({ ...RuleBase, kind: z.literal("deadline") }).strict();

/**
 * The report covers one calendar year N: the title's year, the statistical period (N年1月1日至12月31日)
 * and the year a paragraph opens with are N, in digits or Chinese numerals; the 成文日期 is in N+1.
 */
export const ReportYearRule = z.object({ ...RuleBase, kind: z.literal("reportYear") }).strict();

/** A consistency rule declared as data in a template and evaluated by core/checks/check-rules.ts. */
export const TemplateRule = z.discriminatedUnion("kind", [CompareRule, ProseRule, TextRule, CellValuesRule, DeadlineRule, ReportYearRule]);
export type TemplateRule = z.infer<typeof TemplateRule>;
