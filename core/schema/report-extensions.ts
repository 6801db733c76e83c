import type { Extensions } from "@tiptap/core";
import { ReportField, type ReportFieldOptions } from "./report-field";
import { Bold, HardBreak, Part, ReportDocument, ReportHeading, ReportParagraph, RunInHeading, TableKit, Text } from "./report-nodes";

/**
 * The schema shared by the editor (which adds node views and behaviour on top) and the static
 * renderer behind print HTML. Order: document and block nodes first, then inline nodes, then marks.
 */
export function reportExtensions(resolve: ReportFieldOptions["resolve"]): Extensions {
  return [
    ReportDocument,
    Part,
    ReportHeading,
    ReportParagraph,
    TableKit.configure({ table: { resizable: false } }),
    Text,
    HardBreak,
    ReportField.configure({ resolve }),
    RunInHeading,
    Bold,
  ];
}
