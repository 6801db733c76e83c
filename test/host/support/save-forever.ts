// Child process for the crash-safety test: saves two versions of a report in turn, forever,
// until the parent SIGKILLs it at a random moment.
import { readFileSync } from "node:fs";
import { Report } from "../../../core/model/report";
import { saveReportFile } from "../../../host/storage/report-file";

const [target, first, second] = process.argv.slice(2);
if (target === undefined || first === undefined || second === undefined) throw new Error("usage: save-forever <target> <a.json> <b.json>");
const versions = [first, second].map((file) => Report.parse(JSON.parse(readFileSync(file, "utf8"))));

process.stdout.write("saving\n");
for (let n = 0; ; n++) {
  const version = versions[n % 2];
  if (version) await saveReportFile(target, version);
}
