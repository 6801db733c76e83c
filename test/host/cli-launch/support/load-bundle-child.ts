import { loadBundle } from "../../../../host/cli/launch/run-with-code-cache";

// A fresh process per load, as each `npx nianbao` is: V8 keeps compiled scripts in memory, so
// only a new process shows whether the cache on disk was used.
const [file = "", hash = "", command = "", use = "on"] = process.argv.slice(2);
const bundle = loadBundle({ file, hash }, command, use === "on");
const exports = bundle.exports;
if (typeof exports !== "object" || exports === null || !("answer" in exports) || typeof exports.answer !== "function")
  throw new Error("no answer export");
const answer: unknown = exports.answer(100);
bundle.saveCache();
process.stdout.write(JSON.stringify({ cache: bundle.cache, answer }));
