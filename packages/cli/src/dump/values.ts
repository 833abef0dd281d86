/** The values a record holds, as `restore` counts them. */
export function valuesOf(data: unknown): number {
  if (data === null) return 0;
  return Array.isArray(data) ? data.length : 1;
}
