/**
 * The feature dictionaries ([zh, en] per key), merged into the UI's one dictionary by i18n.ts.
 * Add a feature's file here with one spread.
 */
export const FEATURE_STRINGS = {
} satisfies Record<string, [string, string]>;
