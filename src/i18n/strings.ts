import type { Corridor, Lang, Mode, Status } from '../data/types.ts';

/**
 * Every string of the interface. `en` is the reference: `zh` must have exactly the same keys
 * (the type enforces it, and a unit test checks both at run time). Templates use `{name}`.
 */
const en = {
  title: 'Belt and Road freight corridors',
  subtitle: 'Inland hubs and the rail and rail–sea routes they feed, {first}–{last}',
  hubs: 'Hubs',
  routes: 'Routes',
  close: 'Close',
  source: 'Source',
  sources: 'Sources',
  dataAsOf: 'Data as of {date}',
  asOf: 'as of {date}',
  figures: 'Figures from the source article',
  notes: 'Also reported',
  yearly: 'Year by year',
  noData: 'no figure for {year}',
  corridor: 'Corridor',
  opened: 'First train',
  from: 'From',
  to: 'To',
  mode: 'Mode',
  schematic: 'Line drawn through the main stations, not the surveyed track.',
  legend: 'Legend',
  widthMeans: 'Line width: trains that year, where a yearly figure exists.',
  noYearly: 'Thin line: no yearly figure for this route.',
  problems: 'Some data could not be shown',
  loading: 'Loading the map…',
  noWebgl:
    'This browser cannot draw the interactive map; the picture and the table show the same data.',
  language: 'Language',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  explore: 'Explore the map',
  liveLost:
    'The interactive map stopped (the graphics card is busy); this picture shows the same data.',
  dataError: 'The map data could not be loaded.',
  bug: 'The map could not start. Please reload the page.',
  latestReported: 'latest reported',
  unverifiedPoint: '{year}: {value} (unverified)',
  unlabelled:
    'Grey dot: a terminal, port or border crossing on a route; names in the route panels.',
  mapLabel: 'Map of freight corridors from inland China to Europe and South-East Asia',
  mapSummary:
    '{routes} routes of {corridors} corridors and {hubs} hubs are drawn for {year}. Use the hub list or the table for the figures.',
  selectHub: 'Show figures for {name}',
  selectRoute: 'Show details of {name}',
  selected: '{name} selected',
  year: 'Year',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  table: 'Table',
  showTable: 'Show data table',
  hideTable: 'Hide data table',
  latestVolume: 'Yearly figure, {year}',
  timeline: 'Timeline',
  yearNow: 'Year {year}',
  speedValue: '{speed}×',
  timelineHelp: 'Space: play or pause. Arrow keys: one year. Home and End: first and last year.',
  value: 'Value',
  attribution: 'Land: Natural Earth. Coordinates: GeoNames.',
  download: 'Download',
  downloadHelp: 'Download the map as shown (year, selection, language) as a picture',
  downloadSvg: 'SVG picture (vector)',
  downloadPng: 'PNG picture, {width} px wide',
  downloadFailed: 'The picture could not be made.',
  // Events on the timeline (issue 12): marks on the slider, the caption, the table's section.
  events: 'Events',
  eventsLabel: 'Events on the timeline',
  eventsHelp: 'Arrow keys: the previous or next event. Enter: show its year.',
  eventMark: '{date}: {text}',
  eventCaption: '{date} — {text}',
  eventSource: 'Source: {source}',
  eventDate: 'Date',
  eventText: 'Event',
  // Many items (issue 9): past a threshold the lists become a search and the table pages.
  findRoute: 'Find a route',
  findHub: 'Find a hub',
  findHelp:
    'Type part of a name, in English or Chinese. Tab or the down arrow moves to the results.',
  findAll: '{total} {items}; the first {shown} are listed. Type part of a name to find one.',
  findMatches: '{count} of {total} {items} match.',
  findFirst: 'The first {shown} are listed.',
  findNone: 'No {items} match “{query}”.',
  findResults: 'Matching {items}',
  tableRows: '{items} {first}–{last} of {total}',
  previousRows: 'Previous {count}',
  nextRows: 'Next {count}',
} as const;

export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;

const zh: Strings = {
  title: '“一带一路”物流通道',
  subtitle: '内陆枢纽及其连接的铁路和铁海联运线路，{first}—{last}年',
  hubs: '枢纽',
  routes: '线路',
  close: '关闭',
  source: '来源',
  sources: '资料来源',
  dataAsOf: '数据截至{date}',
  asOf: '截至{date}',
  figures: '原文数据',
  notes: '其他信息',
  yearly: '逐年数据',
  noData: '{year}年无数据',
  corridor: '通道',
  opened: '首发',
  from: '起点',
  to: '终点',
  mode: '运输方式',
  schematic: '线路按主要站点示意绘制，非实际线位。',
  legend: '图例',
  widthMeans: '线宽：当年开行列数（有年度数据时）。',
  noYearly: '细线：该线路无年度数据。',
  problems: '部分数据无法显示',
  loading: '地图加载中…',
  noWebgl: '此浏览器无法显示交互地图；图片和表格展示相同数据。',
  language: '语言',
  zoomIn: '放大',
  zoomOut: '缩小',
  explore: '探索地图',
  liveLost: '交互地图已停止（显卡繁忙）；此图展示相同数据。',
  dataError: '地图数据无法加载。',
  bug: '地图无法启动，请刷新页面。',
  latestReported: '最新公布',
  unverifiedPoint: '{year}年：{value}（未核实）',
  unlabelled: '灰点：线路上的场站、港口或口岸；名称见线路详情。',
  mapLabel: '从中国内陆通往欧洲和东南亚的物流通道地图',
  mapSummary:
    '图中为{year}年的{corridors}条通道、{routes}条线路和{hubs}个枢纽。数据见枢纽列表或表格。',
  selectHub: '查看{name}的数据',
  selectRoute: '查看{name}详情',
  selected: '已选择{name}',
  year: '年份',
  play: '播放',
  pause: '暂停',
  speed: '速度',
  table: '表格',
  showTable: '显示数据表',
  hideTable: '隐藏数据表',
  latestVolume: '{year}年逐年数据',
  timeline: '时间轴',
  yearNow: '{year}年',
  speedValue: '{speed}倍速',
  timelineHelp: '空格键：播放或暂停。方向键：前后一年。Home 和 End：第一年和最后一年。',
  value: '数值',
  attribution: '陆地：Natural Earth。坐标：GeoNames。',
  download: '下载',
  downloadHelp: '将当前地图（年份、所选项目、语言）下载为图片',
  downloadSvg: 'SVG 图片（矢量）',
  downloadPng: 'PNG 图片，宽 {width} 像素',
  downloadFailed: '图片未能生成。',
  // 时间轴上的事件（issue 12）
  events: '大事记',
  eventsLabel: '时间轴上的大事记',
  eventsHelp: '方向键：上一个或下一个事件。回车键：显示该年份。',
  eventMark: '{date}：{text}',
  eventCaption: '{date} — {text}',
  eventSource: '来源：{source}',
  eventDate: '日期',
  eventText: '事件',
  // 项目很多时（issue 9）：列表变为搜索，表格分页。
  findRoute: '查找线路',
  findHub: '查找枢纽',
  findHelp: '输入中文或英文名称的一部分。按 Tab 键或下方向键进入结果。',
  findAll: '共{total}项{items}，列出前{shown}项。输入名称的一部分即可查找。',
  findMatches: '{total}项{items}中有{count}项符合。',
  findFirst: '列出前{shown}项。',
  findNone: '没有符合“{query}”的{items}。',
  findResults: '符合的{items}',
  tableRows: '{items}第{first}—{last}项，共{total}项',
  previousRows: '上{count}项',
  nextRows: '下{count}项',
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

export const CORRIDOR_NAMES: Record<Corridor, Record<Lang, string>> = {
  'china-europe': { zh: '中欧班列', en: 'China–Europe Railway Express' },
  'china-laos': { zh: '中老铁路', en: 'China–Laos Railway' },
  'new-western-land-sea': { zh: '西部陆海新通道', en: 'New Western Land–Sea Corridor' },
};

export const MODE_NAMES: Record<Mode, Record<Lang, string>> = {
  rail: { zh: '铁路', en: 'rail' },
  'rail-sea': { zh: '铁海联运', en: 'rail–sea' },
  sea: { zh: '海运', en: 'sea' },
};

/** Status in words, so that it never rests on colour alone. */
export const STATUS_NAMES: Record<Status, Record<Lang, string>> = {
  reported: { zh: '已报道', en: 'reported' },
  derived: { zh: '推算', en: 'derived' },
  unverified: { zh: '未核实', en: 'unverified' },
};

/** The string `key` in `lang` with `{name}` placeholders filled in. */
export function t(
  lang: Lang,
  key: StringKey,
  values: Record<string, string | number> = {},
): string {
  return fill(STRINGS[lang][key], values);
}

/** `{name}` placeholders of `text` filled from `values`; one without a value stays visible. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
