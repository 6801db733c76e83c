import { SaxesParser } from "saxes";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { InputBudget } from "./input-budget";

export interface XmlHandlers {
  open: (name: string, attributes: Readonly<Record<string, string>>) => void;
  close: (name: string) => void;
  text: (text: string) => void;
}

/**
 * Streams an OOXML part through saxes. A DOCTYPE is refused outright: Office never writes one,
 * and refusing it means entity declarations are never read, let alone expanded or fetched. Every
 * event is charged to the file's budget, so millions of empty elements stop at its limit.
 */
export function parseXml(xml: string, part: string, handlers: XmlHandlers, budget: InputBudget): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("doctype", () => {
    throw new NianbaoError(
      "file_corrupt",
      `文档内容异常（${part} 含 DOCTYPE/实体声明），为安全起见拒绝读取。请用 Word 或 WPS 重新另存为 .docx 后再导入。`,
      `refused: ${part} contains a DOCTYPE/entity declaration, which Office never writes; re-save the file as .docx`,
    );
  });
  parser.on("opentag", (tag) => {
    budget.xmlEvent();
    handlers.open(tag.name, tag.attributes);
  });
  parser.on("closetag", (tag) => {
    budget.xmlEvent();
    handlers.close(tag.name);
  });
  const text = (t: string): void => {
    budget.xmlEvent();
    handlers.text(t);
  };
  parser.on("text", text);
  parser.on("cdata", text);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof NianbaoError) throw error;
    const en = error instanceof Error ? error.message : String(error);
    throw new NianbaoError("file_corrupt", `文档已损坏，无法读取（${part}：${en}）。`, `the document is damaged (${part}: ${en})`, {
      cause: error,
    });
  }
}
