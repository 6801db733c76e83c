import { readFileSync, writeFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";

/*
 * The least an import of a .docx costs a fresh process with the libraries the CLI reads Word
 * files with (fflate, saxes): unzip document.xml, walk every XML event, write a count. No
 * recognition, no report. Run by `npm run bench` as a whole process beside pandoc.
 */
const [input, out] = process.argv.slice(2);
if (input === undefined || out === undefined) throw new Error("usage: docx-read-floor <in.docx> <out.json>");
const files = unzipSync(readFileSync(input), { filter: (f) => f.name === "word/document.xml" });
const xml = files["word/document.xml"];
if (xml === undefined) throw new Error("no word/document.xml");
let events = 0;
const parser = new SaxesParser({ xmlns: false, position: false });
parser.on("opentag", () => events++);
parser.on("text", () => events++);
parser.write(strFromU8(xml)).close();
writeFileSync(out, JSON.stringify({ events }));
