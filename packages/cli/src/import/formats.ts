/** The `--format` choices of `import`. */
export const IMPORT_FORMATS = ['ndjson', 'csv'] as const;
