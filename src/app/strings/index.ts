/**
 * The feature dictionaries ([zh, en] per key), merged into the UI's one dictionary by i18n.ts.
 * Add a feature's file here with one spread.
 */
import { BIGFILE_STRINGS } from './bigfile-strings.ts';
import { FAULTS_STRINGS } from './faults-strings.ts';
import { GPKG_STRINGS } from './gpkg-strings.ts';
import { LOCALE_STRINGS } from './locale-strings.ts';
import { POPULATION_STRINGS } from './population-strings.ts';
import { MAPPING_STRINGS } from './mapping-strings.ts';

export const FEATURE_STRINGS = {
  ...POPULATION_STRINGS,
  ...BIGFILE_STRINGS,
  ...MAPPING_STRINGS,
  ...FAULTS_STRINGS,
  ...GPKG_STRINGS,
  ...LOCALE_STRINGS,
} satisfies Record<string, [string, string]>;
