import { afterEach } from "vitest";
import { destroyTestEditors } from "./report-editor";

afterEach(() => {
  destroyTestEditors();
});
