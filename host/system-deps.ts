import { randomUUID } from "node:crypto";
import type { CoreDeps } from "../core/model/deps";
import { localIso } from "../core/text/local-iso";

/**
 * The real clock and random ids, for every front door that runs outside tests. Local time with its
 * offset, so that a date core takes from it (成文日期 at 签发) is the clerk's calendar day.
 */
export const SYSTEM_DEPS: CoreDeps = { now: () => localIso(new Date()), newId: randomUUID };
