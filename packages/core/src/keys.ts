/**
 * The key layout, compatible with Python kairos:
 * coarse bucket `<prefix><name>:<interval>:<bucket>`; a fine interval key is a SET of
 * resolution bucket ids, each stored at `<interval key>:<resolution bucket>`.
 * With a hash tag the name is written `{<name>}` so one name's keys share a cluster slot.
 */
export interface KeyLayout {
  readonly prefix: string;
  readonly hashTag: boolean;
}

/** Normalises a user prefix: `':'` appended when missing; `''`/absent means none. */
export function normalizePrefix(prefix: string | undefined): string {
  if (!prefix) return '';
  return prefix.endsWith(':') ? prefix : `${prefix}:`;
}

/** The part of every key of one series name: `<prefix><name>` or `<prefix>{<name>}`. */
export function nameKey(layout: KeyLayout, name: string): string {
  return layout.hashTag ? `${layout.prefix}{${name}}` : `${layout.prefix}${name}`;
}

/** The key of an interval bucket. */
export function intervalKey(base: string, interval: string, bucket: number): string {
  return `${base}:${interval}:${bucket}`;
}

/** The key of a resolution bucket inside a fine interval bucket. */
export function resolutionKey(iKey: string, bucket: number | string): string {
  return `${iKey}:${bucket}`;
}

/**
 * The key where the write script records that one EVAL ran (its batch id `id`): after the
 * EVAL's first key, so in the same cluster slot, and never parsed as a bucket by
 * {@link parseKey}.
 */
export function markerKey(firstKey: string, id: string): string {
  return `${firstKey}${MARKER}${id}`;
}

/** The key a write marker ({@link markerKey}) was made from, or undefined for other keys. */
export function markedKey(key: string): string | undefined {
  const at = key.lastIndexOf(MARKER);
  return at > 0 && !key.includes(':', at + MARKER.length) ? key.slice(0, at) : undefined;
}

const MARKER = ':~';

/** Escapes the glob characters of SCAN's MATCH so a name or prefix is matched literally. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** A key of this layout, taken apart. */
export interface ParsedKey {
  name: string;
  interval: string;
  bucket: number;
  /** Present on the resolution buckets of fine intervals. */
  resolution?: number;
}

const BUCKET = /^-?\d+$/;

/**
 * Takes a key apart, or returns undefined when it is not one of this layout's keys
 * (another prefix's, another application's, or a malformed one).
 */
export function parseKey(layout: KeyLayout, key: string): ParsedKey | undefined {
  if (!key.startsWith(layout.prefix)) return undefined;
  let rest = key.slice(layout.prefix.length);
  let name: string;
  if (layout.hashTag) {
    const close = rest.indexOf('}');
    if (!rest.startsWith('{') || close < 2 || rest[close + 1] !== ':') return undefined;
    name = rest.slice(1, close);
    rest = rest.slice(close + 2);
  } else {
    const colon = rest.indexOf(':');
    if (colon < 1) return undefined;
    name = rest.slice(0, colon);
    if (name.includes('{') || name.includes('}')) return undefined;
    rest = rest.slice(colon + 1);
  }
  const [interval, bucket, resolution, extra] = rest.split(':');
  if (!interval || bucket === undefined || extra !== undefined || !BUCKET.test(bucket)) {
    return undefined;
  }
  if (resolution !== undefined && !BUCKET.test(resolution)) return undefined;
  return resolution === undefined
    ? { name, interval, bucket: Number(bucket) }
    : { name, interval, bucket: Number(bucket), resolution: Number(resolution) };
}
