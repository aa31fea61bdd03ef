/**
 * Waits for `p` at most `ms`: true when it settled in time (fulfilled or rejected: the caller only
 * waits for the work to end, errors are reported where the work runs), false when time ran out.
 * Without `ms`, waits as long as it takes.
 */
export async function withTimeout(p: Promise<unknown>, ms?: number): Promise<boolean> {
  if (ms === undefined || !Number.isFinite(ms)) {
    await p.catch(() => {});
    return true;
  }
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), Math.max(0, ms));
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Milliseconds left until `deadline` (a Date.now() value), never negative. */
export const remaining = (deadline: number) => Math.max(0, deadline - Date.now());
