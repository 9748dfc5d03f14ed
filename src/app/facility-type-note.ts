import type { FacilityType } from '../core/facility-types.ts';
import { STRING_TABLE, translate, type Lang, type StringKey } from './i18n.ts';

/**
 * A facility type's note (where its default radius comes from) in the UI language. The notes in
 * src/core/facility-types.ts are English (the CLI's); the Chinese are in locale-strings.ts, keyed
 * `localeTypeNote_<id>`. A type without a translation keeps its English note.
 */
export function facilityTypeNote(lang: Lang, type: Pick<FacilityType, 'id' | 'note'>): string {
  const key = `localeTypeNote_${type.id}`;
  return key in STRING_TABLE ? translate(lang, key as StringKey) : type.note;
}
