import { checkFill } from './assemble/fill';
import type { RowHooks } from './assemble/rows';
import type { Shaping } from './assemble/shape';
import { checkTransform } from './assemble/transform';
import type { Config } from './config';
import type { Reply } from './driver';
import { describe, InvalidValueError } from './errors';
import type { NamedTransforms, SeriesOptions } from './options';
import type { Fetch } from './plan/read';

/** Read options checked and resolved to the functions the read path calls. */
export interface ResolvedRead {
  fetch: Fetch;
  hooks: RowHooks;
  shaping: Shaping;
}

/** Checks every read option (before anything is sent) and resolves the defaults. */
export function resolveRead(config: Config, options: unknown): ResolvedRead {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new InvalidValueError(`read options must be an object; got ${describe(options)}`);
  }
  const o = (options ?? {}) as SeriesOptions<
    unknown,
    NamedTransforms<unknown> | undefined,
    unknown
  >;
  for (const hook of ['fetch', 'processRow', 'joinRows'] as const) {
    if (o[hook] !== undefined && typeof o[hook] !== 'function') {
      throw new InvalidValueError(`${hook} must be a function; got ${describe(o[hook])}`);
    }
  }
  for (const merge of ['condense', 'collapse'] as const) {
    const value = o[merge];
    if (value !== undefined && typeof value !== 'boolean' && typeof value !== 'function') {
      throw new InvalidValueError(
        `${merge} must be a boolean or a function; got ${describe(value)}`,
      );
    }
  }
  checkTransform(o.transform);
  const { type, read } = config;
  const merge = (rows: Map<number, unknown>) => type.merge(rows.values());
  const condenseFn = typeof o.condense === 'function' ? o.condense : undefined;
  // collapse implies condense; a collapse without its own function uses condense's, as kairos did.
  const condense = condenseFn ?? (o.condense || o.collapse ? merge : undefined);
  const collapse =
    typeof o.collapse === 'function' ? o.collapse : o.collapse ? (condenseFn ?? merge) : undefined;
  const fill = checkFill((o as { fill?: unknown }).fill);
  const decode = o.processRow ?? ((reply: Reply) => type.decode(reply, read));
  return {
    fetch: o.fetch ?? ((key) => type.readCommand(key)),
    hooks: { decode, join: o.joinRows ?? ((rows) => type.merge(rows)) },
    shaping: {
      type: type.type,
      condense,
      collapse,
      transform: o.transform,
      fill,
      empty: () => decode(null),
    },
  };
}
