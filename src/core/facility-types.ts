import type { Tags } from './osm-data.ts';

/** How firmly a default is backed (see data/standards/life-circle-standards.md). */
export type Confidence = 'confirmed' | 'one_source' | 'uncertain';

/** A life-circle level of GB 50180-2018 (walking minutes). */
export type LevelId = 'l5' | 'l10' | 'l15';

export interface FacilityType {
  id: string;
  zh: string;
  en: string;
  /** Default service radius in metres: the standard's "不宜大于" upper limit, editable. */
  radiusM: number;
  level: LevelId;
  /** Row id in data/standards/life-circle-standards.json that the default comes from. */
  standardRow: string;
  clause: string;
  /** Confidence of the radius itself. Uncertain rows are flagged in the UI and stay editable. */
  confidence: Confidence;
  /** Why this default (shown as a tooltip). */
  note: string;
  /** Display colour, RGB 0–255. */
  color: [number, number, number];
  /** True when the OSM tags (and, for schools, the name) say this feature is of this type. */
  matches: (tags: Tags) => boolean;
}

const tagIn = (tags: Tags, key: string, values: string[]) => values.includes(tags[key] ?? '');
const name = (tags: Tags) => `${tags.name ?? ''} ${tags['name:zh'] ?? ''} ${tags['name:en'] ?? ''}`;
const isSchool = (tags: Tags) => tags.amenity === 'school';
// OSM has one amenity=school for every school stage; Chinese school names say the stage.
const KINDERGARTEN_NAME = /幼儿园|托儿所|kindergarten/i;
const PRIMARY_NAME = /小学|primary/i;
const MIDDLE_NAME = /中学|初中|高中|初级中学|[一二三四五六七八九十\d]中(?!心|国)|middle school|high school/i;

/**
 * Facility types a planner checks, with OSM tag rules and GB 50180-2018 default radii.
 * Order matters: the first matching type wins (a school named 幼儿园 is a kindergarten).
 */
export const FACILITY_TYPES: readonly FacilityType[] = [
  {
    id: 'kindergarten', zh: '幼儿园', en: 'Kindergarten', radiusM: 300, level: 'l5',
    standardRow: 'kindergarten', clause: 'GB 50180-2018 Table B.0.3', confidence: 'confirmed',
    note: '≤300 m, long-standing national norm (two sources).', color: [255, 127, 80],
    matches: (t) => tagIn(t, 'amenity', ['kindergarten', 'childcare']) || (isSchool(t) && KINDERGARTEN_NAME.test(name(t))),
  },
  {
    id: 'primary_school', zh: '小学', en: 'Primary school', radiusM: 500, level: 'l10',
    standardRow: 'primary_school', clause: 'GB 50180-2018 Table B.0.2', confidence: 'confirmed',
    note: '≤500 m (GB 50180 and TD/T 1062 Table A.1).', color: [230, 85, 13],
    matches: (t) => isSchool(t) && PRIMARY_NAME.test(name(t)),
  },
  {
    id: 'middle_school', zh: '中学', en: 'Middle school', radiusM: 1000, level: 'l15',
    standardRow: 'junior_middle_school', clause: 'GB 50180-2018 Table B.0.2', confidence: 'confirmed',
    note: 'Junior middle school ≤1000 m. OSM does not separate junior from senior: both are counted.',
    color: [166, 54, 3],
    matches: (t) => isSchool(t) && MIDDLE_NAME.test(name(t)),
  },
  {
    id: 'hospital', zh: '医院/卫生服务中心', en: 'Hospital / health centre', radiusM: 1000, level: 'l15',
    standardRow: 'community_health_centre', clause: 'GB 50180-2018 Table B.0.2', confidence: 'uncertain',
    note: 'Community health centre, 15-minute tier; radius not verified against the printed standard.',
    color: [215, 25, 28],
    matches: (t) => t.amenity === 'hospital' || t.healthcare === 'hospital' || t.healthcare === 'centre',
  },
  {
    id: 'clinic', zh: '卫生服务站/诊所', en: 'Clinic / health station', radiusM: 300, level: 'l5',
    standardRow: 'community_health_station', clause: 'GB 50180-2018 Table B.0.3', confidence: 'uncertain',
    note: 'GB 50180 300 m vs TD/T 1062 "one per 500 m": documents disagree.', color: [244, 109, 67],
    matches: (t) => tagIn(t, 'amenity', ['clinic', 'doctors']) || tagIn(t, 'healthcare', ['clinic', 'doctor']),
  },
  {
    id: 'pharmacy', zh: '药店', en: 'Pharmacy', radiusM: 300, level: 'l5',
    standardRow: 'community_shops', clause: 'GB 50180-2018 Table B.0.3', confidence: 'uncertain',
    note: 'Part of 社区商业网点 (neighbourhood shops), 5-minute tier.', color: [102, 194, 165],
    matches: (t) => t.amenity === 'pharmacy' || t.healthcare === 'pharmacy',
  },
  {
    id: 'market', zh: '菜市场/生鲜超市', en: 'Market / supermarket', radiusM: 500, level: 'l10',
    standardRow: 'fresh_market', clause: 'GB 50180-2018 Table B.0.2', confidence: 'uncertain',
    note: 'Wet market or fresh-food supermarket, 10-minute tier.', color: [26, 152, 80],
    matches: (t) => t.amenity === 'marketplace' || tagIn(t, 'shop', ['supermarket', 'greengrocer']),
  },
  {
    id: 'shopping_centre', zh: '商场', en: 'Shopping centre', radiusM: 500, level: 'l15',
    standardRow: 'shopping_centre', clause: 'GB 50180-2018 Table B.0.2', confidence: 'uncertain',
    note: 'Shopping centre / department store.', color: [145, 207, 96],
    matches: (t) => tagIn(t, 'shop', ['mall', 'department_store']),
  },
  {
    id: 'convenience', zh: '便利店', en: 'Convenience store', radiusM: 300, level: 'l5',
    standardRow: 'convenience_store', clause: 'GB 50180-2018 Table B.0.4', confidence: 'uncertain',
    note: 'Block-level facility without a radius in the standard; 300 m (5-minute walk) is a stand-in.',
    color: [217, 239, 139],
    matches: (t) => t.shop === 'convenience',
  },
  {
    id: 'park', zh: '公园/绿地', en: 'Park / green space', radiusM: 500, level: 'l10',
    standardRow: 'medium_multisport_ground', clause: 'GB 50180-2018 4.0.4 (green space)', confidence: 'uncertain',
    note: 'The standard sizes parks per tier but gives no radius; 500 m (10-minute tier) is a stand-in.',
    color: [77, 175, 74],
    matches: (t) => tagIn(t, 'leisure', ['park', 'garden', 'playground']) || tagIn(t, 'landuse', ['village_green', 'recreation_ground']),
  },
  {
    id: 'sports', zh: '体育设施', en: 'Sports ground', radiusM: 500, level: 'l10',
    standardRow: 'medium_multisport_ground', clause: 'GB 50180-2018 Table B.0.2', confidence: 'uncertain',
    note: 'Medium multi-purpose sports ground, 10-minute tier.', color: [55, 126, 184],
    matches: (t) => tagIn(t, 'leisure', ['pitch', 'sports_centre', 'stadium', 'fitness_centre', 'track', 'fitness_station']),
  },
  {
    id: 'culture', zh: '文化活动设施', en: 'Cultural facility', radiusM: 500, level: 'l5',
    standardRow: 'cultural_station', clause: 'GB 50180-2018 Table B.0.3', confidence: 'uncertain',
    note: 'Cultural activity station; libraries, arts centres and theatres count.', color: [152, 78, 163],
    matches: (t) => tagIn(t, 'amenity', ['library', 'arts_centre', 'theatre']),
  },
  {
    id: 'community_service', zh: '社区服务站', en: 'Community service station', radiusM: 300, level: 'l5',
    standardRow: 'community_service_station', clause: 'GB 50180-2018 Table B.0.3', confidence: 'uncertain',
    note: 'Residents’ committee / community centre.', color: [247, 129, 191],
    matches: (t) => tagIn(t, 'amenity', ['community_centre', 'social_centre']) || t.office === 'government' && /社区|居委/.test(name(t)),
  },
  {
    id: 'elderly_care', zh: '养老服务设施', en: 'Elderly care', radiusM: 300, level: 'l5',
    standardRow: 'elderly_day_care', clause: 'GB 50180-2018 Table B.0.3', confidence: 'uncertain',
    note: 'Elderly day-care centre (托老所), 5-minute tier.', color: [166, 86, 40],
    matches: (t) => t.amenity === 'nursing_home' || (t.amenity === 'social_facility' && /senior|elderly/.test(t['social_facility:for'] ?? '')),
  },
  {
    id: 'bank', zh: '银行', en: 'Bank', radiusM: 500, level: 'l10',
    standardRow: 'bank_branch', clause: 'GB 50180-2018 Table B.0.2', confidence: 'uncertain',
    note: 'No radius in the standard; 500 m (10-minute tier) is a stand-in. ATMs are not branches.',
    color: [255, 217, 47],
    matches: (t) => t.amenity === 'bank',
  },
  {
    id: 'post', zh: '邮政营业场所', en: 'Post office', radiusM: 1000, level: 'l15',
    standardRow: 'post_office', clause: 'GB 50180-2018 Table B.0.2', confidence: 'uncertain',
    note: 'Post office incl. courier outlets, 15-minute tier.', color: [229, 196, 148],
    matches: (t) => t.amenity === 'post_office',
  },
  {
    id: 'bus_stop', zh: '公交车站', en: 'Bus stop', radiusM: 500, level: 'l10',
    standardRow: 'bus_stop', clause: 'GB 50180-2018 Table B.0.2', confidence: 'uncertain',
    note: 'Bus stop, required at the 15- and 10-minute tiers.', color: [120, 120, 120],
    matches: (t) => t.highway === 'bus_stop' || (t.public_transport === 'platform' && t.bus === 'yes'),
  },
  {
    id: 'metro', zh: '轨道交通站点', en: 'Metro station', radiusM: 800, level: 'l15',
    standardRow: 'rail_station', clause: 'GB 50180-2018 Table B.0.2', confidence: 'uncertain',
    note: 'Rail transit station.', color: [60, 60, 60],
    matches: (t) => tagIn(t, 'railway', ['station', 'subway_entrance']) || t.station === 'subway',
  },
  {
    id: 'toilets', zh: '公共厕所', en: 'Public toilet', radiusM: 300, level: 'l5',
    standardRow: 'public_toilet', clause: 'GB 50180-2018 Table B.0.3', confidence: 'uncertain',
    note: 'No radius in the standard; 300 m (5-minute tier) is a stand-in.', color: [158, 188, 218],
    matches: (t) => t.amenity === 'toilets',
  },
];

const BY_ID = new Map(FACILITY_TYPES.map((t) => [t.id, t]));

/** The facility type with this id, or undefined. */
export function facilityTypeById(id: string): FacilityType | undefined {
  return BY_ID.get(id);
}

/** The id of the first facility type whose OSM rule matches `tags`, or null. */
export function facilityTypeOfTags(tags: Tags): string | null {
  for (const t of FACILITY_TYPES) if (t.matches(tags)) return t.id;
  return null;
}
