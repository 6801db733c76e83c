// Child process for the crash test: saves a report, announces when the new version is durable
// but not yet renamed into place, then hangs until the parent SIGKILLs it.
import { readFileSync } from "node:fs";
import { Report } from "../../../core/model/report";
import { saveReportFile } from "../../../host/storage/report-file";

const [target, source, stage] = process.argv.slice(2);
if (target === undefined || source === undefined) throw new Error("usage: save-and-hang <target> <source.json> [beforeRename|afterSave]");
const report = Report.parse(JSON.parse(readFileSync(source, "utf8")));

// A pending promise alone does not keep Node alive (it would exit with code 13 before the kill
// lands), so hanging needs a live timer.
const hang = () => new Promise<void>(() => setInterval(() => undefined, 60_000));
await saveReportFile(target, report, {
  beforeRename: async () => {
    if (stage === "afterSave") return;
    process.stdout.write("ready\n");
    await hang();
  },
});
process.stdout.write("ready\n");
await hang();
