/**
 * Redis' glob matching (`stringmatchlen`), re-implemented because ioredis-mock's SCAN MATCH
 * turns the pattern into a RegExp that ignores `\` escapes and lets `?` match nothing.
 * Kairos escapes names in its SCAN patterns, so a wrong matcher would hide real bugs.
 *
 * Matching is per UTF-16 code unit, where Redis works on bytes: `?` against a non-ASCII
 * character is the one place the two can differ.
 *
 * @example
 * ```ts
 * globMatch('app:a\\*:*', 'app:a*:minute:1'); // true
 * globMatch('app:a\\*:*', 'app:ab:minute:1'); // false
 * ```
 */
export function globMatch(pattern: string, text: string): boolean {
  return matchFrom(pattern, 0, text, 0);
}

function matchFrom(pattern: string, p: number, text: string, t: number): boolean {
  while (p < pattern.length) {
    const c = pattern[p];
    if (c === '*') {
      while (pattern[p + 1] === '*') p++;
      if (p + 1 === pattern.length) return true;
      for (let i = t; i <= text.length; i++) {
        if (matchFrom(pattern, p + 1, text, i)) return true;
      }
      return false;
    }
    if (t >= text.length) return false;
    if (c === '?') {
      p++;
      t++;
      continue;
    }
    if (c === '[') {
      const cls = matchClass(pattern, p + 1, text.charCodeAt(t));
      if (!cls.matched) return false;
      p = cls.next;
      t++;
      continue;
    }
    let literal = c;
    if (c === '\\' && p + 1 < pattern.length) {
      p++;
      literal = pattern[p];
    }
    if (literal !== text[t]) return false;
    p++;
    t++;
  }
  return t === text.length;
}

/** Matches one character against the class starting after `[`; `next` is after its `]`. */
function matchClass(
  pattern: string,
  start: number,
  code: number,
): { matched: boolean; next: number } {
  let p = start;
  const negate = pattern[p] === '^';
  if (negate) p++;
  let matched = false;
  // An unterminated class ends at the end of the pattern, as in Redis.
  while (p < pattern.length && pattern[p] !== ']') {
    if (pattern[p] === '\\' && p + 1 < pattern.length) {
      p++;
      if (pattern.charCodeAt(p) === code) matched = true;
    } else if (pattern[p + 1] === '-' && p + 2 < pattern.length) {
      let lo = pattern.charCodeAt(p);
      let hi = pattern.charCodeAt(p + 2);
      if (lo > hi) [lo, hi] = [hi, lo];
      if (code >= lo && code <= hi) matched = true;
      p += 2;
    } else if (pattern.charCodeAt(p) === code) {
      matched = true;
    }
    p++;
  }
  return { matched: negate ? !matched : matched, next: p < pattern.length ? p + 1 : p };
}
