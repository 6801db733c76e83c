/** Quiet time after the last edit before the recovery copy is written. */
export const RECOVERY_DEBOUNCE_MS = 400;
/** During continuous typing a copy is still written at least this often. */
export const RECOVERY_MAX_WAIT_MS = 1000;

export interface RecoveryTimers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
}

export interface RecoverySchedulerOptions {
  /** Writes the current state; it decides itself whether anything is left to write. */
  write: () => Promise<void>;
  debounceMs?: number;
  maxWaitMs?: number;
  timers?: RecoveryTimers;
}

export interface RecoveryScheduler {
  /** Something changed: a write follows within maxWaitMs. */
  changed: () => void;
  dispose: () => void;
}

const browserTimers: RecoveryTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};

/**
 * Debounce with a maximum wait, plus what debounce libraries do not offer: at most one write in
 * flight, and a change made while a write runs is written right after it (a slow write of a
 * 100-page report never overlaps the next one, and never drops the edit made during it).
 */
export function createRecoveryScheduler(options: RecoverySchedulerOptions): RecoveryScheduler {
  const debounceMs = options.debounceMs ?? RECOVERY_DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? RECOVERY_MAX_WAIT_MS;
  const timers = options.timers ?? browserTimers;
  let timer: unknown = null;
  /** When the oldest change not yet handed to a write happened; null when there is none. */
  let firstChangeAt: number | null = null;
  let inFlight = false;
  let dueWhileInFlight = false;
  let disposed = false;

  const schedule = () => {
    if (timer !== null) timers.clearTimeout(timer);
    const sinceFirst = firstChangeAt === null ? 0 : timers.now() - firstChangeAt;
    timer = timers.setTimeout(fire, Math.max(0, Math.min(debounceMs, maxWaitMs - sinceFirst)));
  };

  const fire = () => {
    timer = null;
    if (disposed || firstChangeAt === null) return;
    if (inFlight) {
      dueWhileInFlight = true;
      return;
    }
    firstChangeAt = null;
    inFlight = true;
    options
      .write()
      .then(
        () => undefined,
        // The work is still in the editor; the next attempt comes after the usual wait.
        () => changed(),
      )
      .finally(() => {
        inFlight = false;
        if (dueWhileInFlight) {
          dueWhileInFlight = false;
          fire();
        }
      });
  };

  const changed = () => {
    if (disposed) return;
    firstChangeAt ??= timers.now();
    schedule();
  };

  return {
    changed,
    dispose: () => {
      disposed = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
