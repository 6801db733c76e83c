import { writeFileSync } from "node:fs";
import { Document, Packer, Paragraph, TextRun } from "docx";

/*
 * The least any Word export written with the `docx` library (the product brief's choice) costs a
 * fresh process: load the library, write a one-paragraph document, save it. Run by
 * `npm run bench` as a whole process beside pandoc, to show where the CLI's floor lies.
 */
const out = process.argv[2];
if (out === undefined) throw new Error("usage: docx-library-floor <out.docx>");
const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun("法治政府建设年度报告")] })] }] });
void Packer.toBuffer(doc).then((bytes) => writeFileSync(out, bytes));
