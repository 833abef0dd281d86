/** The view, kept in the URL so that it can be shared or reloaded. */
export interface ViewState {
  key: string;
  names: string[];
  interval: string;
  transform: string;
  range: string;
  from: string;
  to: string;
  refresh: number;
}

/** Presets of the range menu, in milliseconds. */
export const RANGES: Record<string, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

/** The state the URL holds (defaults for what it lacks). */
export function readState(): ViewState {
  const q = new URLSearchParams(location.search);
  return {
    key: q.get('key') ?? '',
    names: (q.get('names') ?? '').split(',').filter(Boolean),
    interval: q.get('interval') ?? '',
    transform: q.get('transform') ?? '',
    range: q.get('range') ?? '24h',
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
    refresh: Number(q.get('refresh') ?? 0) || 0,
  };
}

/** Writes the state into the URL without a new history entry. */
export function writeState(state: ViewState): void {
  const q = new URLSearchParams();
  if (state.key) q.set('key', state.key);
  if (state.names.length) q.set('names', state.names.join(','));
  if (state.interval) q.set('interval', state.interval);
  if (state.transform) q.set('transform', state.transform);
  q.set('range', state.range);
  if (state.range === 'custom') {
    q.set('from', state.from);
    q.set('to', state.to);
  }
  if (state.refresh) q.set('refresh', String(state.refresh));
  history.replaceState(null, '', `?${q}`);
}

/** The range in Unix ms: a preset ending now, or the custom bounds. */
export function rangeOf(state: ViewState, now = Date.now()): { from: number; to: number } {
  if (state.range === 'custom' && state.from && state.to) {
    return { from: Number(state.from), to: Number(state.to) };
  }
  return { from: now - (RANGES[state.range] ?? RANGES['24h']!), to: now };
}
