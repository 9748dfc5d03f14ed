import { FACILITY_TYPES, facilityTypeById } from '../../core/facility-types.ts';
import { facilityTypeOfCategory } from '../../core/presets/poi-category-mapping.ts';

/**
 * The Lifecircle facility type a value of a type column most likely means, or null: a type id
 * as is ("primary_school"), an Amap/Baidu category by the shipped POI mapping ("科教文化服务;学校;小学"),
 * else a type's Chinese or English name ("小学", "Pharmacy", one part of "医院/卫生服务中心").
 */
export function guessFacilityType(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if (facilityTypeById(v)) return v;
  const byCategory = facilityTypeOfCategory(v);
  if (byCategory) return byCategory;
  const lower = v.toLowerCase();
  for (const t of FACILITY_TYPES) {
    const names = [...t.zh.split('/'), ...t.en.toLowerCase().split(' / ')];
    if (names.includes(v) || names.includes(lower)) return t.id;
  }
  return null;
}
