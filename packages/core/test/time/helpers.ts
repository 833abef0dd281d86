/** Unix seconds of a UTC date-time given as 'YYYY-MM-DDTHH:MM[:SS]' (Z implied). */
export function utc(iso: string): number {
  const ms = Date.parse(`${iso}Z`);
  if (Number.isNaN(ms)) throw new Error(`bad test date ${iso}`);
  return ms / 1000;
}

/** ISO rendering of Unix seconds, for readable assertions. */
export function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export const HOUR = 3600;
export const DAY = 86400;
