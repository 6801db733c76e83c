import { useRef, useState, type FormEvent } from "react";
import { ReportMeta } from "../../../core/model/report";
import { describeIssues } from "../../../core/model/zod-issues";
import { isEditable } from "../../../core/workflow/assert-editable";
import type { ReportStore } from "../../state/report-store";
import { errorText } from "../../state/notify-error";
import { useUiStore } from "../../state/ui-store";
import { useModalFocus } from "../modal/use-modal-focus";

const Editable = ReportMeta.pick({ title: true, org: true, docNumber: true, recipient: true });

/** 报告信息: the title and the 公文 elements chosen at creation, correctable later. */
export function ReportInfoDialog({ store }: { store: ReportStore }) {
  const open = useUiStore((s) => s.reportInfoOpen);
  if (!open) return null;
  return <ReportInfoForm store={store} />;
}

function ReportInfoForm({ store }: { store: ReportStore }) {
  const meta = store.getState().report.meta;
  // A frozen report's information is shown, not edited (core refuses the change anyway).
  const editable = isEditable(store.getState().report);
  const [title, setTitle] = useState(meta.title);
  const [org, setOrg] = useState(meta.org);
  const [docNumber, setDocNumber] = useState(meta.docNumber ?? "");
  const [recipient, setRecipient] = useState(meta.recipient ?? "");
  const [error, setError] = useState<string | null>(null);
  const close = () => useUiStore.getState().setReportInfoOpen(false);
  const dialogRef = useRef<HTMLFormElement>(null);
  useModalFocus(dialogRef, close);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = Editable.safeParse({
      title: title.trim(),
      org: org.trim(),
      docNumber: docNumber.trim() === "" ? null : docNumber.trim(),
      recipient: recipient.trim() === "" ? null : recipient.trim(),
    });
    if (!parsed.success) {
      setError(describeIssues(parsed.error));
      return;
    }
    try {
      store.getState().updateMeta(parsed.data);
    } catch (error) {
      setError(errorText(error));
      return;
    }
    close();
  };
  return (
    <div className="modal-backdrop">
      <form ref={dialogRef} className="modal" role="dialog" aria-modal="true" aria-label="报告信息" onSubmit={handleSubmit}>
        <h2>报告信息</h2>
        {!editable && (
          <p className="banner" role="note">
            报告已签发，内容已冻结，此处只能查看。如需修改，请在“签发”面板点“修订”。
          </p>
        )}
        <fieldset className="modal__fields" disabled={!editable} style={{ border: "none", margin: 0, padding: 0, display: "contents" }}>
          <label>
            标题
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            发文机关
            <input value={org} maxLength={100} onChange={(e) => setOrg(e.target.value)} />
          </label>
          <label>
            发文字号
            <input value={docNumber} maxLength={100} placeholder="如：木政发〔2025〕3号" onChange={(e) => setDocNumber(e.target.value)} />
          </label>
          <label>
            主送机关
            <input
              value={recipient}
              maxLength={200}
              placeholder="法治政府建设年度报告通常不写"
              onChange={(e) => setRecipient(e.target.value)}
            />
          </label>
        </fieldset>
        {error !== null && <p className="error">{error}</p>}
        <div className="modal__actions">
          {editable ? (
            <>
              <button type="submit" className="primary">
                确定
              </button>
              <button type="button" onClick={close}>
                取消
              </button>
            </>
          ) : (
            <button type="button" className="primary" onClick={close}>
              关闭
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
