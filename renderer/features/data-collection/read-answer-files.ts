import { MAX_UPLOAD_BYTES } from "../../../core/api/contract";
import { errorText } from "../../state/notify-error";
import { useSessionStore } from "../../state/session-store";
import { useUiStore, type CollectRead } from "../../state/ui-store";
import { fileBase64 } from "../../platform/file-base64";
import { savedReportPath } from "./saved-report-path";

/** Returned data requests are Excel workbooks; an old .xls gets through so the host can say what to do with it. */
export const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|et)$/i;

/**
 * Reads returned workbooks the clerk dropped or chose into the open report: each is uploaded and
 * read by itself through importAnswers (the use case behind `nianbao collect --import`), so one
 * damaged or foreign file is refused with its reason and leaves the report as it was while the
 * others are read. The report is then opened again from its file, with the values unconfirmed.
 */
export async function readAnswerFiles(files: readonly File[]): Promise<void> {
  const { api, session } = useSessionStore.getState();
  const ui = useUiStore.getState();
  if (api === null || session === null || files.length === 0) return;
  ui.setCollectOpen(true);
  if (ui.collectBusy !== null) return;
  const reads: CollectRead[] = [];
  let changed = false;
  try {
    const path = await savedReportPath(session.store);
    for (const [index, file] of files.entries()) {
      ui.setCollectBusy(`正在读取 ${file.name}（${index + 1}/${files.length}）…`);
      if (!WORKBOOK_NAME.test(file.name)) {
        reads.push({ fileName: file.name, result: null, error: `${file.name}：不是 Excel 工作簿（.xlsx），未读取。` });
        continue;
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        reads.push({ fileName: file.name, result: null, error: `${file.name}：文件过大（上限 20 MB），不像是一份数据征集表，未读取。` });
        continue;
      }
      try {
        const { uploadId } = await api.uploadAnswerWorkbook({ name: file.name, dataBase64: await fileBase64(file) });
        const done = await api.importAnswers({ path, uploads: [uploadId] });
        changed ||= done.changed;
        reads.push({ fileName: file.name, result: done.result, error: null });
      } catch (error) {
        reads.push({ fileName: file.name, result: null, error: errorText(error) });
      }
    }
    if (changed) await useSessionStore.getState().open(await api.openReport({ path }));
  } catch (error) {
    reads.push({ fileName: "", result: null, error: errorText(error) });
  } finally {
    ui.setCollectReads(reads);
    ui.setCollectBusy(null);
  }
}
