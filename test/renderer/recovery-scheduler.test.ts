import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRecoveryScheduler, RECOVERY_MAX_WAIT_MS } from "../../renderer/app/recovery-scheduler";

/** A write whose completion the test controls, recording when each one started. */
function controlledWrites() {
  const started: number[] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const write = () => {
    started.push(Date.now());
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<void>((resolve, reject) => {
      pending.push({
        resolve: () => {
          inFlight -= 1;
          resolve();
        },
        reject: (error) => {
          inFlight -= 1;
          reject(error);
        },
      });
    });
  };
  return { write, started, pending, maxInFlight: () => maxInFlight };
}

describe("the recovery-copy scheduler", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes one copy within a second of a single edit, and none while nothing changes", async () => {
    const writes = controlledWrites();
    const scheduler = createRecoveryScheduler({ write: writes.write });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(writes.started).toEqual([]);

    scheduler.changed();
    await vi.advanceTimersByTimeAsync(RECOVERY_MAX_WAIT_MS);
    expect(writes.started).toHaveLength(1);
    writes.pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(writes.started).toHaveLength(1);
    scheduler.dispose();
  });

  it("keeps writing at least once a second during continuous typing, not once per keystroke", async () => {
    const writes = controlledWrites();
    const scheduler = createRecoveryScheduler({
      write: async () => {
        await writes.write().catch(() => undefined);
      },
    });
    const changes: number[] = [];
    // Ten keystrokes a second for five seconds; every write completes at once.
    for (let t = 0; t < 5_000; t += 100) {
      changes.push(Date.now());
      scheduler.changed();
      for (const p of writes.pending.splice(0)) p.resolve();
      await vi.advanceTimersByTimeAsync(100);
    }
    for (const p of writes.pending.splice(0)) p.resolve();
    await vi.advanceTimersByTimeAsync(RECOVERY_MAX_WAIT_MS);
    // Every keystroke is covered by a write that started no later than a second after it.
    for (const at of changes) {
      expect(writes.started.find((s) => s >= at)).toBeLessThanOrEqual(at + RECOVERY_MAX_WAIT_MS);
    }
    expect(writes.started.length).toBeGreaterThanOrEqual(5);
    expect(writes.started.length).toBeLessThanOrEqual(7);
    scheduler.dispose();
  });

  it("never has two writes in flight, and writes an edit made during a slow write right after it", async () => {
    const writes = controlledWrites();
    const scheduler = createRecoveryScheduler({ write: writes.write });
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(RECOVERY_MAX_WAIT_MS);
    expect(writes.started).toHaveLength(1);

    // The write of a large report takes three seconds; the clerk keeps typing.
    for (let t = 0; t < 3_000; t += 200) {
      scheduler.changed();
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(writes.started).toHaveLength(1);
    const firstDone = Date.now();
    writes.pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes.started).toEqual([expect.any(Number), firstDone]);
    expect(writes.maxInFlight()).toBe(1);
    scheduler.dispose();
  });

  it("tries again after a failed write, and stops once disposed", async () => {
    const writes = controlledWrites();
    const scheduler = createRecoveryScheduler({ write: writes.write });
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(RECOVERY_MAX_WAIT_MS);
    writes.pending[0]?.reject(new Error("host unreachable"));
    await vi.advanceTimersByTimeAsync(RECOVERY_MAX_WAIT_MS);
    expect(writes.started).toHaveLength(2);

    writes.pending[1]?.resolve();
    scheduler.changed();
    scheduler.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(writes.started).toHaveLength(2);
  });
});
