import { useEffect, useRef, useState, type FormEvent } from "react";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { SHOW_CHECKS_HINT } from "../../../core/edits/sign-off-gate";
import { SignoffRole, type WorkflowAction } from "../../../core/model/workflow";
import type { Report } from "../../../core/model/report";
import { STEP_RULES, WorkflowStep } from "../../../core/workflow/apply-workflow-action";
import { approvalStatus } from "../../../core/workflow/approval-status";
import { recordSignature } from "../../../core/workflow/record-signature";
import { isEditable } from "../../../core/workflow/assert-editable";
import { REVIEWED_NAME, STATE_NAMES, reviewPassed, stageName } from "../../../core/workflow/state-names";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";
import { notifyError } from "../../state/notify-error";
import { focusSidePanel } from "../../commands/pane-focus";
import "./signoff-panel.css";

const ACTION_NAMES: Record<WorkflowAction, string> = {
  create: "创建",
  ...Object.fromEntries(WorkflowStep.options.map((s) => [s, STEP_RULES[s].label])),
} as Record<WorkflowAction, string>;
/** The buttons as a clerk names the steps; 修订 starts a new draft from an approved report. */
const BUTTON_NAMES: Record<WorkflowStep, string> = {
  submit: "提交审核",
  review: "审核通过",
  approve: "签发",
  return: "退回修改",
  publish: "公开",
  revise: "修订",
};
const STAGES = ["起草中", "审核中", "待签发", "已签发", "已公开"] as const;

export { lockedMessage } from "../../state/locked-message";

/** The steps open from the report's stage: 审核通过 once per round, and 签发 only after it. */
export function openSteps(report: Report): WorkflowStep[] {
  const { state } = report.workflow;
  const passed = reviewPassed(report.workflow);
  return WorkflowStep.options.filter((s) => STEP_RULES[s].from.includes(state) && (s === "review" ? !passed : s !== "approve" || passed));
}

/** The role of the person who takes the next step at a stage. */
export function roleForStage(stage: string): SignoffRole {
  return stage === STATE_NAMES.review ? "审核人" : stage === REVIEWED_NAME ? "签发人" : "拟稿人";
}

/**
 * Carries out one step as the person named in the panel; the role is the one chosen when the step
 * allows it, else the step's own (提交审核 is the 拟稿人's, 审核通过 the 审核人's, 签发 the 签发人's).
 */
export async function runStep(
  store: ReportStore,
  step: WorkflowStep,
  person: string,
  chosenRole: SignoffRole,
  comment: string,
): Promise<boolean> {
  const rule = STEP_RULES[step];
  const role = rule.roles.includes(chosenRole) ? chosenRole : (rule.roles[0] ?? chosenRole);
  try {
    const team = useSessionStore.getState().session?.team ?? null;
    if (team !== null) {
      // Team mode: the server records the step as the member the token names.
      await team.signOff(step, comment.trim() === "" ? null : comment);
      useUiStore.getState().notify("info", `已${BUTTON_NAMES[step]}，当前状态：${stageName(store.getState().report.workflow)}。`);
      return true;
    }
    store.getState().applyWorkflow({ action: step, person, role, comment });
    // A sign-off step belongs in the file at once; an unsaved report keeps it until 另存为.
    if (store.getState().path !== null) await store.getState().save();
    useUiStore
      .getState()
      .notify(
        "info",
        `已${BUTTON_NAMES[step]}，当前状态：${stageName(store.getState().report.workflow)}。${store.getState().path === null ? "请保存报告。" : ""}`,
      );
    return true;
  } catch (error) {
    if (error instanceof NianbaoError && error.hint === SHOW_CHECKS_HINT) {
      // The list of blockers is the 检查 panel's: a notice says how many and where to look.
      useUiStore.getState().setPanel("checks");
      focusSidePanel(".finding__jump");
      useUiStore.getState().notify("error", `${(error.zh.split("\n")[0] ?? "").replace(/：$/, "。")}${SHOW_CHECKS_HINT}`);
    } else {
      notifyError(error);
    }
    return false;
  }
}

/** 签发: the sign-off stage and history, a button for every next step, and signing the exported files. */
export function SignoffPanel({ store }: { store: ReportStore }) {
  const report = useReportStore(store, (s) => s.report);
  const { state, revision, events, distinctPeople } = report.workflow;
  // Team mode: the token says who is acting; the server records the step under that name and role.
  const teamUser = useSessionStore((s) => s.session?.team?.user ?? null);
  const [person, setPerson] = useState(() => teamUser?.name ?? "");
  const stage = stageName(report.workflow);
  const [role, setRole] = useState<SignoffRole>(() => roleForStage(stage));
  // Whoever acts next is usually the stage's own person: the 审核人 while 审核中, the 签发人 once 待签发.
  useEffect(() => setRole(roleForStage(stage)), [stage]);
  const [comment, setComment] = useState("");
  const steps = openSteps(report);
  const status = approvalStatus(report);

  const nameRef = useRef<HTMLInputElement>(null);
  const act = async (step: WorkflowStep) => {
    if (!(await runStep(store, step, person.trim(), role, comment))) return;
    setComment("");
    // The step's button is gone; the next person (审核人, 签发人) types over the name.
    nameRef.current?.focus();
    nameRef.current?.select();
  };

  return (
    <section className="side-panel signoff-panel" aria-label="签发">
      <header className="side-panel__header">
        <h2>签发</h2>
      </header>
      <p>
        当前状态：<strong>{stage}</strong>（第 {revision} 稿）
      </p>
      <ol className="signoff-stages" aria-label="签发流程">
        {STAGES.map((name) => (
          <li key={name} aria-current={name === stage ? "step" : undefined}>
            {name}
          </li>
        ))}
      </ol>
      {status.modifiedSinceApproval === true && (
        <p className="error" role="alert">
          报告内容与签发时不一致，请点“修订”创建修订稿并重新签发。
        </p>
      )}
      <form className="signoff-form" onSubmit={(e: FormEvent) => e.preventDefault()}>
        {teamUser !== null ? (
          <p>
            办理人：{teamUser.name}（{teamUser.role}，由团队口令确定）
          </p>
        ) : (
          <>
            <label>
              姓名
              <input ref={nameRef} aria-label="姓名" value={person} maxLength={100} onChange={(e) => setPerson(e.target.value)} />
            </label>
            <label>
              身份
              <select aria-label="身份" value={role} onChange={(e) => setRole(SignoffRole.parse(e.target.value))}>
                {SignoffRole.options.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          意见
          <textarea aria-label="意见" value={comment} maxLength={2000} rows={2} onChange={(e) => setComment(e.target.value)} />
        </label>
        <div className="signoff-form__steps">
          {steps.map((step) => (
            <button
              key={step}
              type="button"
              disabled={person.trim() === ""}
              title={
                person.trim() === ""
                  ? "请先填写姓名"
                  : `以${STEP_RULES[step].roles.includes(role) ? role : (STEP_RULES[step].roles[0] ?? role)}身份办理`
              }
              onClick={() => void act(step)}
            >
              {BUTTON_NAMES[step]}
            </button>
          ))}
        </div>
        {person.trim() === "" && steps.length > 0 && <p className="muted">填写姓名后即可办理。</p>}
      </form>
      <label className="signoff-setting">
        <input
          type="checkbox"
          checked={distinctPeople}
          disabled={state !== "draft"}
          onChange={(e) => {
            const team = useSessionStore.getState().session?.team ?? null;
            if (team !== null) {
              team.setDistinctPeople(e.target.checked).catch(notifyError);
              return;
            }
            try {
              store.getState().setDistinctPeople(e.target.checked);
            } catch (error) {
              notifyError(error);
            }
          }}
        />
        拟稿人、审核人、签发人须为不同人员（本单位设置{state === "draft" ? "" : "，起草中才能更改"}）
      </label>
      <h3>签核记录</h3>
      <ol className="signoff-history">
        {events.map((e, i) => (
          <li key={i}>
            {new Date(e.at).toLocaleString("zh-CN")} · {e.person || "（系统）"}
            {e.role === null ? "" : `（${e.role}）`} · {ACTION_NAMES[e.action]} →{" "}
            {e.action === "review" ? REVIEWED_NAME : STATE_NAMES[e.to]}（第 {e.revision} 稿）
            {e.comment !== null && <div className="muted">意见：{e.comment}</div>}
          </li>
        ))}
        {events.length === 0 && <li className="muted">暂无。</li>}
      </ol>
      {!isEditable(report) && <SignFiles store={store} />}
    </section>
  );
}

/** Signs the files of the last export with the unit's certificate; the password lives only in this form. */
function SignFiles({ store }: { store: ReportStore }) {
  const lastExport = useUiStore((s) => s.lastExport);
  const [p12Path, setP12Path] = useState("");
  const [password, setPassword] = useState("");
  const [signer, setSigner] = useState(() => store.getState().report.meta.issuer ?? "");
  const [pdfPath, setPdfPath] = useState(lastExport?.pdf ?? "");
  const [docxPath, setDocxPath] = useState(lastExport?.docx ?? "");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string[] | null>(null);
  // A new export is what the clerk means to sign next.
  useEffect(() => {
    if (lastExport === null) return;
    setPdfPath(lastExport.pdf ?? "");
    setDocxPath(lastExport.docx ?? "");
  }, [lastExport]);
  const nativeDialogs = useSessionStore((s) => s.hostInfo?.nativeDialogs === true);
  const chooseCertificate = async () => {
    const api = useSessionStore.getState().api;
    if (api === null) return;
    try {
      const { path } = await api.chooseOpenPath({ purpose: "certificate" });
      if (path !== null) setP12Path(path);
    } catch (error) {
      notifyError(error);
    }
  };
  const sign = async (event: FormEvent) => {
    event.preventDefault();
    const api = useSessionStore.getState().api;
    if (api === null) return;
    setBusy(true);
    setResult(null);
    try {
      const signed = await api.signExported({
        report: store.getState().snapshot(),
        p12Path: p12Path.trim(),
        password,
        signer,
        ...(pdfPath.trim() === "" ? {} : { pdfPath: pdfPath.trim() }),
        ...(docxPath.trim() === "" ? {} : { docxPath: docxPath.trim() }),
      });
      // The certificate goes into the report, so that `verify --report` accepts this signature and no other.
      store.getState().replaceReport(recordSignature(store.getState().snapshot(), signed.record));
      if (store.getState().path !== null) await store.getState().save();
      const { issuer, serial, fingerprint } = signed.record.certificate;
      setResult([
        `已签名（证书：${signed.subject}）：${[signed.pdf, signed.docx, signed.docxSignature].filter((p) => p !== null).join("、")}`,
        `颁发者 ${issuer}，序列号 ${serial}，证书指纹（SHA-256）${fingerprint}`,
        ...(signed.verification === null ? [] : [signed.verification.integrity, signed.verification.chain]),
      ]);
    } catch (error) {
      notifyError(error);
    } finally {
      setPassword("");
      setBusy(false);
    }
  };
  return (
    <form className="signoff-form" aria-label="数字签名" onSubmit={(e) => void sign(e)}>
      <h3>数字签名</h3>
      <p className="muted">先导出 Word / PDF，再用单位证书（.p12 / .pfx）签名。密码只用于本次签名，不会保存。</p>
      <p className="muted">数字签名证明文件签名后未被改动、由该证书签署；它不是电子印章。只支持 RSA 证书，不支持国密 SM2。</p>
      <label>
        PDF 文件
        <input aria-label="PDF 文件" value={pdfPath} onChange={(e) => setPdfPath(e.target.value)} />
      </label>
      <label>
        Word 文件
        <input aria-label="Word 文件" value={docxPath} onChange={(e) => setDocxPath(e.target.value)} />
      </label>
      <label>
        证书文件
        <input
          aria-label="证书文件"
          value={p12Path}
          placeholder="证书须在允许访问的文件夹中，如：报告文件夹/单位.p12"
          onChange={(e) => setP12Path(e.target.value)}
        />
      </label>
      {nativeDialogs && (
        <button type="button" onClick={() => void chooseCertificate()}>
          选择证书…
        </button>
      )}
      <label>
        证书密码
        <input aria-label="证书密码" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label>
        签名人
        <input aria-label="签名人" value={signer} onChange={(e) => setSigner(e.target.value)} />
      </label>
      <button
        type="submit"
        disabled={busy || p12Path.trim() === "" || signer.trim() === "" || (pdfPath.trim() === "" && docxPath.trim() === "")}
      >
        {busy ? "正在签名…" : "签名"}
      </button>
      {result !== null && (
        <div role="status">
          {result.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </form>
  );
}
