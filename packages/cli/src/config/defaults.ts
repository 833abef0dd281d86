/** The file looked for in the working directory when neither `--config` nor `KAIROS_CONFIG` is set. */
export const DEFAULT_CONFIG_FILE = 'kairos.config.json';
