/**
 * A number as people read it in a table or a chart: integers as they are, others with four
 * significant digits but never in exponent form for ordinary magnitudes (`0.001235`, `12.35`, `12346`).
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.min(10, Math.max(0, 3 - magnitude));
  return String(Number(value.toFixed(decimals)));
}
