import type { Report } from "../model/report";
import type { Template } from "../model/template";
import type { TextBlock } from "./report-blocks";

export interface CheckContext {
  report: Report;
  template: Template;
  /** Today as YYYY-MM-DD, injected: core has no clock. */
  today: string;
  blocks: readonly TextBlock[];
}
