import { randomUUID } from "node:crypto";
import type { CoreDeps } from "../core/model/deps";

/** The real clock and random ids, for every front door that runs outside tests. */
export const SYSTEM_DEPS: CoreDeps = { now: () => new Date().toISOString(), newId: randomUUID };
