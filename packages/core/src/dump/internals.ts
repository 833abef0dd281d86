import type { Config } from '../config';
import type { Command, Driver, Reply } from '../driver';
import type { IntervalOptions } from '../options';
import type { SeriesType } from '../transforms';

/** The options of a Timeseries that JSON can hold: what a dump header records. */
export interface SeriesDescription {
  type: SeriesType;
  intervals: Record<string, IntervalOptions>;
  prefix?: string;
  hashTag?: boolean;
  timezone?: string;
}

/** What dump, restore and migrate need of a Timeseries, which keeps it private. */
export interface SeriesInternals {
  readonly config: Config;
  readonly driver: Driver;
  readonly description: SeriesDescription;
  /** One pipeline through the driver, failures as StorageError. */
  exec(commands: Command[]): Promise<Reply[]>;
  /** Sends a write chunk: as scripts when the driver runs them. */
  write(commands: Command[]): Promise<Reply[]>;
  /** SCAN through the driver, failures as StorageError. */
  scan(match: string): AsyncIterable<string>;
}

const registry = new WeakMap<object, SeriesInternals>();

/** Called by the Timeseries constructor. */
export function registerInternals(series: object, internals: SeriesInternals): void {
  registry.set(series, internals);
}

/** The internals of a Timeseries; a TypeError for anything else. */
export function internalsOf(series: object): SeriesInternals {
  const found = registry.get(series);
  if (!found) throw new TypeError('expected a Timeseries');
  return found;
}

/** The JSON-safe part of Timeseries options (functions and unknown fields left out). */
export function describeOptions(options: {
  type: SeriesType;
  intervals: Record<string, IntervalOptions>;
  prefix?: string;
  hashTag?: boolean;
  timezone?: string;
}): SeriesDescription {
  const intervals: Record<string, IntervalOptions> = {};
  for (const [name, { step, steps, resolution, timezone, align }] of Object.entries(
    options.intervals,
  )) {
    intervals[name] = JSON.parse(JSON.stringify({ step, steps, resolution, timezone, align }));
  }
  const out: SeriesDescription = { type: options.type, intervals };
  if (options.prefix !== undefined) out.prefix = options.prefix;
  if (options.hashTag !== undefined) out.hashTag = options.hashTag;
  if (options.timezone !== undefined) out.timezone = options.timezone;
  return out;
}
