import { UsageError } from '../errors';

/** Formatters per zone (`''` = the machine's local zone): creating one is slow. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Checks a `--tz` value: an IANA zone name that this platform knows.
 * @throws UsageError with examples of valid names
 */
export function checkZone(zone: string, flag = '--tz'): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(
      `${flag}: unknown time zone ${JSON.stringify(zone)}; use an IANA name such as UTC, Europe/Paris or America/New_York`,
    );
  }
}

/** The wall-clock fields of `seconds` in `zone`, and the zone's UTC offset then (seconds). */
export function wallClock(seconds: number, zone: string | undefined) {
  const key = zone ?? '';
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      ...(zone ? { timeZone: zone } : {}),
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(key, format);
  }
  const whole = Math.floor(seconds);
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(whole * 1000)) parts[part.type] = part.value;
  const { year = '', month = '', day = '', hour = '', minute = '', second = '' } = parts;
  const asUtc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  return {
    date: `${year}-${month}-${day}`,
    time: `${hour}:${minute}:${second}`,
    offset: asUtc / 1000 - whole,
  };
}

/**
 * The UTC offset (seconds) of `zone` at a time, remembered per quarter hour: offsets change
 * on quarter hours (in practice on whole or half hours), and a chart asks for thousands.
 */
export function offsetFinder(zone: string): (seconds: number) => number {
  const known = new Map<number, number>();
  return (seconds) => {
    const slot = Math.floor(seconds / 900);
    let offset = known.get(slot);
    if (offset === undefined) {
      offset = wallClock(slot * 900, zone).offset;
      known.set(slot, offset);
    }
    return offset;
  };
}

/** `2025-01-01T13:34:00+01:00`: an ISO 8601 time in `zone`, with its offset. */
export function isoInZone(seconds: number, zone: string): string {
  const { date, time, offset } = wallClock(seconds, zone);
  return `${date}T${time}${formatOffset(offset)}`;
}

/** `2025-01-01 13:34:00`: a time as people read it, in `zone` (default: local). */
export function readableTime(seconds: number, zone: string | undefined): string {
  const { date, time } = wallClock(seconds, zone);
  return `${date} ${time}`;
}

function formatOffset(offset: number): string {
  if (offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(Math.round(minutes % 60)).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}
