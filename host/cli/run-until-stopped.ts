/**
 * Keeps a long-running command (serve, team-server) alive until Ctrl+C or SIGTERM, then closes it.
 * Handlers stay until `close` is done: Ctrl+C under `npm start` delivers SIGINT twice (the
 * terminal's and the launcher's), and the second must not end the process half-way.
 */
export async function runUntilStopped(close: () => Promise<void>): Promise<void> {
  await new Promise<void>((done) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void close()
        .catch(() => undefined)
        .then(() => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          done();
        });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
