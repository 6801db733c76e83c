import type { Field, FieldAnswer } from "../../../core/model/field";

const CONFLICT_NAMES: Record<NonNullable<FieldAnswer["conflict"]>, string> = {
  answers: "与其他答复不一致，未采用",
  confirmed: "与已确认的数值不同，未采用",
};

/**
 * Who answered a field in a returned data request (填报部门, 填报人, file, when it was read), or
 * which towns' reports a roll-up added up, as a disclosure in the 来源部门 cell: the summary names
 * the last answer (or the towns), the list every one.
 */
export function AnswersDetail({ field, label }: { field: Field; label: string }) {
  const answers = field.provenance ?? [];
  const last = answers.at(-1);
  if (last === undefined) return null;
  const conflicted = field.status !== "confirmed" && answers.some((a) => a.outcome === "conflict");
  const lines = answers.map(describe);
  const towns = answers.filter((a) => a.via === "rollup");
  // A roll-up's value is the towns' together: the summary names them all, not the last one.
  const who =
    towns.length > 1 && last.via === "rollup"
      ? `汇总 ${towns.length} 个乡镇`
      : `${last.department}${last.respondent === null ? "" : `·${last.respondent}`}`;
  return (
    <details className={`fields-table__answers${conflicted ? " is-conflict" : ""}`}>
      <summary aria-label={`${label} 填报情况`} title={lines.join("\n")}>
        {conflicted ? "答复不一致：" : last.via === "rollup" ? "来源：" : "填报："}
        {who}
      </summary>
      <ul>
        {answers.map((a, i) => (
          <li key={`${a.fileSha256}-${i}`}>{lines[i]}</li>
        ))}
      </ul>
    </details>
  );
}

function describe(a: FieldAnswer): string {
  const who = `${a.department}${a.respondent === null ? "" : ` ${a.respondent}`}${a.phone === null ? "" : `（${a.phone}）`}`;
  const value = `${a.qualifier === undefined || a.qualifier === "none" ? "" : a.qualifier}${a.answer}`;
  const formula = a.formula === undefined ? "" : `（公式 =${a.formula} 的结果）`;
  const note = a.note === null ? "" : `；备注：${a.note}`;
  const outcome = a.conflict === undefined ? "" : `；${CONFLICT_NAMES[a.conflict]}`;
  const verb = a.via === "rollup" ? "报告为" : "填报";
  return `${who} ${verb} ${value}${formula}；文件 ${a.fileName}，读入于 ${a.readAt.slice(0, 16).replace("T", " ")}${note}${outcome}`;
}
