// The heavy browser cases (a folder of 10,000 routes, twenty snippets, thirty mount cycles, a
// long soak) in two sizes: `npm test` runs a short form that still fails for the same reason,
// `npm run bench -- --only=heavy` (CORRIDOR_TEST_FULL=1) the same tests at full size.
export const FULL = process.env.CORRIDOR_TEST_FULL === '1';

/** `short` in `npm test`, `full` in the bench's heavy part. */
export const bySize = <T>(short: T, full: T): T => (FULL ? full : short);
