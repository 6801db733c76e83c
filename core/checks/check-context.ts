import type { PartId } from "../model/part-id";
import type { Report } from "../model/report";
import type { Template } from "../model/template";
import type { TextBlock } from "./report-blocks";

export interface CheckContext {
  report: Report;
  template: Template;
  /** Today as YYYY-MM-DD, injected: core has no clock. */
  today: string;
  blocks: readonly TextBlock[];
  /** Per-part limits on text unchanged from last year; COPIED_TEXT_LIMITS when absent. */
  copiedTextLimits?: Partial<Record<PartId, number>>;
}
