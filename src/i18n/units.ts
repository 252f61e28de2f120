import type { Unit } from '../data/types.ts';

/**
 * How each unit is written after a number. zh counters follow the source's own wording
 * (列, 家, 个国家和地区 …); en has singular and plural forms chosen with Intl.PluralRules.
 */
export const UNIT_WORDS: Record<Unit, { zh: string; en: [one: string, other: string] }> = {
  trains: { zh: '列', en: ['train', 'trains'] },
  yuan: { zh: '元', en: ['yuan', 'yuan'] },
  percent: { zh: '', en: ['', ''] },
  enterprises: { zh: '家', en: ['enterprise', 'enterprises'] },
  'countries-regions': { zh: '个国家和地区', en: ['country or region', 'countries and regions'] },
  countries: { zh: '个国家', en: ['country', 'countries'] },
  ports: { zh: '个港口', en: ['port', 'ports'] },
  provinces: { zh: '个省份', en: ['province', 'provinces'] },
  corridors: { zh: '条通道', en: ['corridor', 'corridors'] },
  lines: { zh: '条线路', en: ['line', 'lines'] },
  routes: { zh: '条航线', en: ['route', 'routes'] },
  categories: { zh: '个大类', en: ['category', 'categories'] },
  kinds: { zh: '个品类', en: ['kind', 'kinds'] },
  warehouses: { zh: '个', en: ['warehouse', 'warehouses'] },
  showrooms: { zh: '个', en: ['showroom', 'showrooms'] },
  centres: { zh: '个', en: ['centre', 'centres'] },
  stations: { zh: '个', en: ['station', 'stations'] },
  services: { zh: '项', en: ['service', 'services'] },
  cities: { zh: '个城市', en: ['city', 'cities'] },
  sites: { zh: '个', en: ['site', 'sites'] },
  bases: { zh: '个', en: ['base', 'bases'] },
  days: { zh: '天', en: ['day', 'days'] },
  minutes: { zh: '分钟', en: ['minute', 'minutes'] },
  teu: { zh: '标箱', en: ['TEU', 'TEU'] },
  tonnes: { zh: '吨', en: ['tonne', 'tonnes'] },
};
