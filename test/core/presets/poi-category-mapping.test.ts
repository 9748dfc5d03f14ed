import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES } from '../../../src/core/facility-types.ts';
import {
  categoryMatcher, facilityTypeOfCategory, SHIPPED_CATEGORY_MAPPING, splitCategory, validateCategoryMapping,
} from '../../../src/core/presets/poi-category-mapping.ts';

describe('facilityTypeOfCategory', () => {
  it.each([
    ['幼儿园', 'kindergarten'],
    ['小学', 'primary_school'],
    ['中学', 'middle_school'],
    ['社区卫生服务站', 'clinic'],
    ['社区卫生服务中心', 'hospital'],
    ['诊所', 'clinic'],
    ['药店', 'pharmacy'],
    ['药房', 'pharmacy'],
    ['养老院', 'elderly_care'],
    ['敬老院', 'elderly_care'],
    ['老年活动中心', 'culture'],
    ['菜市场', 'market'],
    ['农贸市场', 'market'],
    ['超市', 'market'],
    ['便利店', 'convenience'],
    ['公园', 'park'],
    ['体育场馆', 'sports'],
    ['健身中心', 'sports'],
    ['图书馆', 'culture'],
    ['文化活动中心', 'culture'],
    ['文化馆', 'culture'],
    ['社区服务中心', 'community_service'],
    ['居委会', 'community_service'],
    ['公交车站', 'bus_stop'],
    ['地铁站', 'metro'],
    ['邮局', 'post'],
    ['快递', 'post'],
    ['公共厕所', 'toilets'],
  ])('maps the class name %s to %s', (category, type) => {
    expect(facilityTypeOfCategory(category)).toBe(type);
  });

  it.each([
    ['科教文化服务;学校;小学', 'primary_school'],
    ['科教文化服务;学校;中学', 'middle_school'],
    ['科教文化服务;学校;幼儿园', 'kindergarten'],
    ['医疗保健服务;综合医院;综合医院', 'hospital'],
    ['医疗保健服务;综合医院;三级甲等医院', 'hospital'],
    ['医疗保健服务;诊所;诊所', 'clinic'],
    ['医疗保健服务;医药保健销售店;药房', 'pharmacy'],
    ['购物服务;综合市场;农副产品市场', 'market'],
    ['购物服务;超级市场;超市', 'market'],
    ['购物服务;便民商店/便利店;便民商店/便利店', 'convenience'],
    ['购物服务;商场;购物中心', 'shopping_centre'],
    ['风景名胜;公园广场;公园', 'park'],
    ['体育休闲服务;运动场馆;综合体育馆', 'sports'],
    ['科教文化服务;图书馆;图书馆', 'culture'],
    ['科教文化服务;文化宫;文化宫', 'culture'],
    ['商务住宅;住宅区;社区中心', 'community_service'],
    ['政府机构及社会团体;政府机关;乡镇以下级政府及事业单位', 'community_service'],
    ['生活服务;邮局;邮局', 'post'],
    ['生活服务;物流速递;物流速递', 'post'],
    ['交通设施服务;公交车站;公交车站相关', 'bus_stop'],
    ['交通设施服务;地铁站;地铁站', 'metro'],
    ['公共设施;公共厕所;公共厕所', 'toilets'],
  ])('maps the Amap type %s to %s', (category, type) => {
    expect(facilityTypeOfCategory(category)).toBe(type);
  });

  it.each([
    ['教育培训;幼儿园', 'kindergarten'],
    ['医疗;药店', 'pharmacy'],
    ['运动健身;体育场馆', 'sports'],
    ['政府机构;居民委员会', 'community_service'],
    ['交通设施;地铁站', 'metro'],
    ['旅游景点;公园', 'park'],
  ])('maps the Baidu tag %s to %s', (category, type) => {
    expect(facilityTypeOfCategory(category)).toBe(type);
  });

  it('uses the most specific listed class, and the broader one when the specific one is a brand', () => {
    // Amap files community health stations under 综合医院 (a hospital class) with the subclass 卫生院.
    expect(facilityTypeOfCategory('医疗保健服务;综合医院;卫生院')).toBe('clinic');
    expect(facilityTypeOfCategory('购物服务;超级市场;家乐福')).toBe('market');
    expect(facilityTypeOfCategory('交通设施服务;地铁站;出入口')).toBe('metro');
  });

  it('takes the first alternative of a multi-type Amap string that maps', () => {
    expect(facilityTypeOfCategory('餐饮服务;中餐厅;中餐厅|购物服务;综合市场;农贸市场')).toBe('market');
    expect(facilityTypeOfCategory('商务住宅;住宅区;社区中心|科教文化服务;文化宫;文化宫')).toBe('community_service');
  });

  it('counts bank branches like OSM amenity=bank, but not ATMs, even of the same bank', () => {
    expect(facilityTypeOfCategory('银行')).toBe('bank');
    expect(facilityTypeOfCategory('金融保险服务;银行;中国工商银行')).toBe('bank');
    expect(facilityTypeOfCategory('金融保险服务;自动提款机;中国工商银行')).toBe(null);
    expect(facilityTypeOfCategory('金融;ATM')).toBe(null);
  });

  it('leaves restaurants, hotels, universities, cosmetic clinics and school without a stage unmapped', () => {
    for (const c of ['中餐厅', '餐饮服务;中餐厅;中餐厅', '美食;中餐厅', '住宿服务;宾馆酒店;宾馆酒店', '科教文化服务;学校;高等院校',
      '医疗保健服务;专科医院;整形美容', '科教文化服务;学校;学校', '', ' ; ']) {
      expect(facilityTypeOfCategory(c), c).toBe(null);
    }
  });

  it('tolerates full-width semicolons and spaces', () => {
    expect(facilityTypeOfCategory(' 科教文化服务；学校；小学 ')).toBe('primary_school');
    expect(splitCategory('a; b ;c|d')).toEqual([['a', 'b', 'c'], ['d']]);
  });
});

describe('the shipped POI category mapping', () => {
  it('passes validation: known type ids, every class name once', () => {
    const r = validateCategoryMapping(SHIPPED_CATEGORY_MAPPING);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('can find every Lifecircle facility type in POI data', () => {
    const mapped = new Set(SHIPPED_CATEGORY_MAPPING.rules.map((r) => r.type));
    expect(FACILITY_TYPES.map((t) => t.id).filter((id) => !mapped.has(id))).toEqual([]);
  });

  it('can be edited: a user rule changes the answer', () => {
    const edited = { ...SHIPPED_CATEGORY_MAPPING, rules: [...SHIPPED_CATEGORY_MAPPING.rules, { type: 'culture', categories: ['博物馆'] }] };
    expect(facilityTypeOfCategory('科教文化服务;博物馆;博物馆')).toBe(null);
    expect(categoryMatcher(edited)('科教文化服务;博物馆;博物馆')).toBe('culture');
  });

  it('rejects an edit that lists a class twice or names an unknown type', () => {
    const r = validateCategoryMapping({
      schema_version: 1,
      rules: [{ type: 'market', categories: ['超市'] }, { type: 'shop', categories: ['超市'] }, { categories: ['x'] }],
    });
    expect(r.ok ? [] : r.errors).toEqual([
      "rules[1].type: unknown Lifecircle facility type 'shop'",
      "rules[1].categories[0]: '超市' is already listed at rules[0].categories[0]",
      'rules[2].type: missing (use null for "not a facility type")',
    ]);
  });
});
