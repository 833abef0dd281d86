import { ConfigError, describe } from '../errors';
import { DAY, daysFromCivil } from './civil';

const HOUR = 3600;

/** Valid zone names as given → canonical names (valid names are few; invalid ones are not kept). */
const canonicalNames = new Map<string, string>();

/**
 * Checks that `timezone` is an IANA time-zone name that this platform's `Intl` knows.
 *
 * @param where what the value configures, for the error message
 * @returns the canonical name as `Intl` reports it (e.g. `'Etc/UTC'` → `'UTC'`)
 * @throws ConfigError naming `where` and the bad value
 * @example validateTimeZone('Europe/Berlin', 'timezone') // 'Europe/Berlin'
 */
export function validateTimeZone(timezone: string, where: string): string {
  if (typeof timezone === 'string' && timezone !== '') {
    // Creating a formatter costs a few hundred microseconds: remember every zone seen.
    const known = canonicalNames.get(timezone);
    if (known !== undefined) return known;
    try {
      const canonical = new Intl.DateTimeFormat('en-US', { timeZone: timezone }).resolvedOptions()
        .timeZone;
      canonicalNames.set(timezone, canonical);
      return canonical;
    } catch {
      // Intl throws RangeError for an unknown zone; reported below with the caller's context.
    }
  }
  throw new ConfigError(`${where} must be an IANA time zone name; got ${describe(timezone)}`);
}

/** The offset of a zone during one UTC hour: one number, or a change at instant `at`. */
type HourOffset = number | { readonly before: number; readonly after: number; readonly at: number };

/** Cached offsets per zone are dropped wholesale past this many hours (bounded memory). */
const MAX_CACHED_HOURS = 200_000;

/**
 * A time zone's offsets, read from the platform's `Intl` data and cached per UTC hour.
 *
 * Two simplifications, both true of the tz database in practice: the offset changes at most
 * once in an hour and at most once in a day; and changes happen on whole seconds.
 *
 * "Wall time" below is the local clock reading expressed as seconds since 1970-01-01 00:00
 * on that clock (`t + offset(t)`).
 */
export class Zone {
  private static readonly zones = new Map<string, Zone>();

  /** The shared instance for a (validated, canonical) zone name, so caches are shared. */
  static of(name: string): Zone {
    let zone = Zone.zones.get(name);
    if (zone === undefined) {
      zone = new Zone(name);
      Zone.zones.set(name, zone);
    }
    return zone;
  }

  /** True for UTC, where every method is the identity and no `Intl` call is made. */
  readonly isUtc: boolean;
  private readonly format: Intl.DateTimeFormat;
  private readonly hours = new Map<number, HourOffset>();
  private readonly hourStarts = new Map<number, number>();
  /** An hour (UTC hour number) in which the settled wall time is simply `t + plainOffset`. */
  private plainHour = Number.NaN;
  private plainOffset = 0;

  private constructor(readonly name: string) {
    this.isUtc = name === 'UTC';
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Offset from UTC in seconds (local − UTC) in force at instant `t`. */
  offsetAt(t: number): number {
    if (this.isUtc) return 0;
    const h = Math.floor(t / HOUR);
    const entry = this.hours.get(h) ?? this.fillHour(h);
    if (typeof entry === 'number') return entry;
    return t < entry.at ? entry.before : entry.after;
  }

  /**
   * The wall time of `t`, "settled": during the first pass through wall times that repeat
   * after a backward change (fall-back), the lowest wall time the clock will read again
   * (the start of the repeated span) instead of the current reading.
   *
   * That makes it non-decreasing in `t`, so that buckets cut from it never go back in time:
   * the repeated hour of a fall-back belongs wholly to the bucket in which it starts, and a
   * bucket boundary that falls inside the repeated span counts at its second occurrence.
   * Elsewhere it equals `t + offsetAt(t)`.
   */
  settledWall(t: number): number {
    if (this.isUtc) return t;
    const h = Math.floor(t / HOUR);
    // Hot path: consecutive writes mostly fall in the same hour.
    if (h === this.plainHour) return t + this.plainOffset;
    const offset = this.offsetAt(t);
    const wall = t + offset;
    const later = this.offsetAt(t + DAY);
    if (later >= offset) {
      // Remember the hour when this holds throughout it: one offset now and a day later.
      if (typeof this.hours.get(h) === 'number' && typeof this.hours.get(h + 24) === 'number') {
        this.plainHour = h;
        this.plainOffset = offset;
      }
      return wall;
    }
    // The clock goes back within a day: at the change it reads `change + later` again.
    return Math.min(wall, this.firstChangeAfter(t, t + DAY) + later);
  }

  /**
   * The first instant whose settled wall time is at least `wall`: the instant a bucket that
   * starts at that wall time begins. An existing wall time gives its instant (the first of two
   * when the clock went back to exactly that time, the second when it went back past it); a
   * wall time skipped by a forward change (spring-forward, or a zone whose DST starts at
   * midnight) gives the instant of the change, the first existing time after it.
   */
  instantOf(wall: number): number {
    if (this.isUtc) return wall;
    const before = this.offsetAt(wall - DAY);
    const after = this.offsetAt(wall + DAY);
    const a = wall - before;
    const b = wall - after;
    const aFits = this.settledWall(a) === wall;
    if (before === after && aFits) return a;
    const bFits = this.settledWall(b) === wall;
    if (aFits && bFits) return Math.min(a, b);
    if (aFits) return a;
    if (bFits) return b;
    // A skipped wall time (or offsets that changed twice nearby): search for the first instant
    // reaching it. The settled wall time is non-decreasing, so bisection is sound.
    let lo = Math.min(a, b) - DAY; // settled wall time below `wall`
    let hi = Math.max(a, b) + DAY; // settled wall time at or above `wall`
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.settledWall(mid) >= wall) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** The first whole second in (from, to] whose offset differs from that at `from`. */
  private firstChangeAfter(from: number, to: number): number {
    const start = this.offsetAt(from);
    let lo = Math.floor(from);
    let hi = Math.ceil(to);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetAt(mid) === start) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  private fillHour(h: number): HourOffset {
    if (this.hours.size > MAX_CACHED_HOURS) {
      this.hours.clear();
      this.hourStarts.clear();
    }
    const start = h * HOUR;
    const before = this.offsetAtHourStart(h);
    const after = this.offsetAtHourStart(h + 1);
    let entry: HourOffset = before;
    if (before !== after) {
      // Find the change to the second; it happens once per transition, then stays cached.
      let lo = start;
      let hi = start + HOUR;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.rawOffset(mid) === before) lo = mid;
        else hi = mid;
      }
      entry = { before, after, at: hi };
    }
    this.hours.set(h, entry);
    return entry;
  }

  private offsetAtHourStart(h: number): number {
    let offset = this.hourStarts.get(h);
    if (offset === undefined) {
      offset = this.rawOffset(h * HOUR);
      this.hourStarts.set(h, offset);
    }
    return offset;
  }

  /** The offset at a whole second, straight from `Intl` (slow: a few microseconds). */
  private rawOffset(second: number): number {
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let sec = 0;
    let bc = false;
    for (const part of this.format.formatToParts(second * 1000)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          sec = Number(part.value);
          break;
        case 'era':
          bc = part.value === 'BC' || part.value === 'B';
          break;
      }
    }
    if (bc) year = 1 - year;
    return daysFromCivil(year, month, day) * DAY + hour * HOUR + minute * 60 + sec - second;
  }
}
