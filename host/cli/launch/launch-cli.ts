import { join } from "node:path";
import { SYSTEM_DEPS } from "../../system-deps";
import { asksForHelp } from "../asks-for-help";
import { EXIT_ERROR } from "../exit-codes";
import { loadBundle } from "./run-with-code-cache";
import type { runCli as RunCli } from "../main";

/** Set by build/build-cli.mjs: the bundle's file name and content hash. */
declare const NIANBAO_CLI_BUNDLE: string;
declare const NIANBAO_CLI_BUNDLE_HASH: string;

function cliEntry(exports: unknown): typeof RunCli {
  if (typeof exports === "object" && exports !== null && "runCli" in exports && typeof exports.runCli === "function") {
    return exports.runCli as typeof RunCli;
  }
  throw new Error("the CLI bundle does not export runCli; rebuild with `npm run build`");
}

/** `bin/nianbao.cjs`: runs one CLI command in this process and sets the exit code. */
export async function launchCli(argv: string[]): Promise<void> {
  const command = argv[0] ?? "";
  const bundle = loadBundle(
    { file: join(__dirname, NIANBAO_CLI_BUNDLE), hash: NIANBAO_CLI_BUNDLE_HASH },
    command,
    process.env["NIANBAO_NO_CODE_CACHE"] !== "1",
  );
  const runCli = cliEntry(bundle.exports);
  process.exitCode = await runCli(argv, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    clock: SYSTEM_DEPS,
  });
  // A cache holds only the functions its run compiled and is kept for good once V8 accepts it: a
  // first run that only printed usage or failed early would leave the command slow until the next build.
  if (process.exitCode !== EXIT_ERROR && !asksForHelp(argv)) bundle.saveCache();
}
