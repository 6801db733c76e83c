// Apart from cli-io.ts so that the launcher (host/cli/launch) can read them without bundling zod.
export const EXIT_OK = 0;
/** The command ran and its verdict is negative (check findings, an invalid signature). */
export const EXIT_NEGATIVE = 1;
export const EXIT_ERROR = 2;
