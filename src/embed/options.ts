import { LANGS, type Lang } from '../data/types.ts';
import type { Theme } from '../map/style.ts';
import { SPEEDS, type Speed } from '../state/store.ts';

/** Options of one map, from data attributes, the URL or code; all optional, all checked. */
export interface MapOptions {
  lang?: Lang;
  hub?: string;
  route?: string;
  year?: number;
  autoplay?: boolean;
  speed?: Speed;
  theme?: Theme | 'auto';
  /** Folder (URL) holding the four data files; same origin only. */
  data?: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const THEMES = ['light', 'dark', 'auto'] as const;

/**
 * Normalises raw option strings at the boundary (like Observable Plot): a bad value is dropped
 * with one warning naming it, and the map opens with the default instead. Ids are only checked
 * for shape here; whether they exist is the store's business.
 */
export function parseOptions(
  raw: Record<string, string | undefined>,
  warn: (message: string) => void = console.warn,
): MapOptions {
  const out: MapOptions = {};
  const bad: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    switch (key) {
      case 'lang':
        if (LANGS.includes(value as Lang)) out.lang = value as Lang;
        else bad.push(`lang=${value}`);
        break;
      case 'hub':
      case 'route':
        if (SLUG.test(value)) out[key] = value;
        else bad.push(`${key}=${value}`);
        break;
      case 'year': {
        const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
        if (year > 1990 && year < 2100) out.year = year;
        else bad.push(`year=${value}`);
        break;
      }
      case 'autoplay':
        if (value === '1' || value === 'true' || value === '') out.autoplay = true;
        else if (value === '0' || value === 'false') out.autoplay = false;
        else bad.push(`autoplay=${value}`);
        break;
      case 'speed':
        if (SPEEDS.includes(Number(value) as Speed)) out.speed = Number(value) as Speed;
        else bad.push(`speed=${value}`);
        break;
      case 'theme':
        if (THEMES.includes(value as Theme)) out.theme = value as Theme | 'auto';
        else bad.push(`theme=${value}`);
        break;
      case 'data':
        if (/^(\/(?!\/)|\.{0,2}\/|[\w-])/.test(value) && !/^[a-z][\w+.-]*:/i.test(value))
          out.data = value;
        else bad.push(`data=${value}`);
        break;
      default:
        break;
    }
  }
  if (bad.length) {
    warn(
      `corridor-map: ignored invalid option${bad.length > 1 ? 's' : ''} ${bad.map((b) => JSON.stringify(b)).join(', ')}; using the defaults`,
    );
  }
  return out;
}
