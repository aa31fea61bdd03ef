// GB/T 2260 codes of the Tibet Autonomous Region and the contract's coverage rule:
// a code covers itself and everything inside it (540000 ⊃ prefecture ⊃ county).
import { regions, REGION_ROOT } from '../../seeds/reference/regions.ts';

const codes = new Set(regions.map((r) => r.code));

export { REGION_ROOT };
export const isRegionCode = (code: string): boolean => codes.has(code);

/** The significant prefix of a code: '54' for the region, 4 digits for a prefecture, all 6 for a county. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export const covers = (outer: string, inner: string): boolean => inner.startsWith(regionPrefix(outer));

/** The codes that cover `code` (`covers(outer, code)` exactly for these): itself, its prefecture, the region. */
export const coveringCodes = (code: string): string[] => [...new Set([code, `${code.slice(0, 4)}00`, REGION_ROOT])];

/** A code's prefecture: its first four digits ("same prefecture" compares them). */
export const prefectureOf = (code: string): string => code.slice(0, 4);
export const samePrefecture = (a: string, b: string): boolean => prefectureOf(a) === prefectureOf(b);
