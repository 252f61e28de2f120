/**
 * Every option of the snippet, once (issue 22): its kind, the values it takes, its default, its
 * label in each language and where it travels. The lists the map's code checks against
 * (src/embed/options.ts), the publishing desk's form (src/publish/form.ts) and the serialisers of
 * the snippet, the frame's query and the share link (src/embed/serialize.ts) all read it, so the
 * desk cannot offer an option the map does not take. Pure, no DOM.
 */
import { LANGS, type Lang } from '../data/types.ts';
import { SPEEDS } from '../state/store.ts';

/** When the live (WebGL) map loads (src/embed/mapView.ts). */
export const LIVE_MODES = ['interaction', 'visible', 'eager', 'never'] as const;
export type LiveMode = (typeof LIVE_MODES)[number];

/** Parts of the view that `controls` can show or leave out. */
export const CONTROLS = ['timeline', 'legend', 'list', 'table'] as const;
export type Control = (typeof CONTROLS)[number];

/** The parts that show when a snippet names none. */
export const DEFAULT_CONTROLS: readonly Control[] = ['timeline', 'legend', 'list'];

export const THEMES = ['light', 'dark', 'auto'] as const;

/**
 * How an option's value is written and checked:
 * `enum` one of `values`; `list` any subset of `values` (comma-separated, `none` for no part);
 * `hub` / `route` an id of the data; `year` a year within the data's range; `boolean` `1` or `0`;
 * `snapshot` a snapshot date (`2026-12-05`); `text` free text (the frame's title).
 */
export type OptionKind =
  'enum' | 'list' | 'hub' | 'route' | 'year' | 'boolean' | 'snapshot' | 'text';

export interface OptionSpec {
  key: string;
  kind: OptionKind;
  /** The values an `enum` or `list` option takes, as written. */
  values?: readonly string[];
  /** The value the map uses when the option is absent, as written; undefined: none or the data's. */
  default?: string;
  label: Record<Lang, string>;
  /** Labels of `values`, in the same order. */
  valueLabels?: Record<Lang, readonly string[]>;
  /**
   * Where the option travels: every option is a `data-*` attribute of the snippet. `frame`: read
   * by the frame (embed.html's query string, parseOptions); false for `title`, which the loader
   * itself puts on the iframe (its `title` and `aria-label`) and the map never reads. `hash`:
   * part of the share link (index.html#…).
   */
  frame: boolean;
  hash: boolean;
}

export const OPTION_SCHEMA = [
  {
    key: 'lang',
    kind: 'enum',
    values: LANGS,
    default: 'zh',
    label: { zh: '语言', en: 'Language' },
    valueLabels: { zh: ['中文', 'English'], en: ['中文 (Chinese)', 'English'] },
    frame: true,
    hash: true,
  },
  {
    key: 'hub',
    kind: 'hub',
    label: { zh: '打开的枢纽', en: 'Hub to open' },
    frame: true,
    hash: true,
  },
  {
    key: 'route',
    kind: 'route',
    label: { zh: '打开的线路', en: 'Route to open' },
    frame: true,
    hash: true,
  },
  {
    key: 'year',
    kind: 'year',
    label: { zh: '年份', en: 'Year' },
    frame: true,
    hash: true,
  },
  {
    key: 'autoplay',
    kind: 'boolean',
    default: '0',
    label: { zh: '自动播放时间轴', en: 'Play the timeline at once' },
    frame: true,
    hash: false,
  },
  {
    key: 'speed',
    kind: 'enum',
    values: SPEEDS.map(String),
    default: '1',
    label: { zh: '播放速度', en: 'Speed' },
    valueLabels: { zh: ['0.5×', '1×', '2×'], en: ['0.5×', '1×', '2×'] },
    frame: true,
    hash: false,
  },
  {
    key: 'controls',
    kind: 'list',
    values: CONTROLS,
    default: DEFAULT_CONTROLS.join(','),
    label: { zh: '显示的部分', en: 'Parts shown' },
    valueLabels: {
      zh: ['时间轴', '图例', '枢纽与线路列表', '数据表'],
      en: ['Timeline', 'Legend', 'List of hubs and routes', 'Data table'],
    },
    frame: true,
    hash: false,
  },
  {
    key: 'theme',
    kind: 'enum',
    values: THEMES,
    default: 'auto',
    label: { zh: '配色', en: 'Theme' },
    valueLabels: {
      zh: ['浅色', '深色', '跟随读者系统'],
      en: ['Light', 'Dark', "The reader's system setting"],
    },
    frame: true,
    hash: false,
  },
  {
    key: 'live',
    kind: 'enum',
    values: LIVE_MODES,
    default: 'interaction',
    label: { zh: '动态地图何时加载', en: 'When the live map loads' },
    valueLabels: {
      zh: ['读者操作地图时', '地图进入视野时', '立即', '从不（只用轻量视图）'],
      en: [
        'When the reader reaches for it',
        'When the map comes into view',
        'At once',
        'Never (the lite view only)',
      ],
    },
    frame: true,
    hash: false,
  },
  {
    key: 'data',
    kind: 'snapshot',
    label: { zh: '固定数据', en: 'Pinned data' },
    frame: true,
    hash: false,
  },
  {
    key: 'title',
    kind: 'text',
    label: { zh: '框架标题（屏幕阅读器）', en: 'Frame title (screen readers)' },
    frame: false,
    hash: false,
  },
] as const satisfies readonly OptionSpec[];

export type OptionKey = (typeof OPTION_SCHEMA)[number]['key'];

/** Every key the frame reads (parseOptions, embed.html's query string, embed.js passes on). */
export const FRAME_KEYS = OPTION_SCHEMA.filter((o) => o.frame).map((o) => o.key) as Exclude<
  OptionKey,
  'title'
>[];

/** The keys of a share link's hash (index.html#hub=xian&year=2019&lang=en). */
export const HASH_KEYS = OPTION_SCHEMA.filter((o) => o.hash).map((o) => o.key) as (
  'hub' | 'route' | 'year' | 'lang'
)[];

/** The spec of one option. */
export function optionSpec(key: OptionKey): OptionSpec {
  return OPTION_SCHEMA.find((o) => o.key === key) as OptionSpec;
}
