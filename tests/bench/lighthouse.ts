/**
 * Lighthouse mobile (lighthouse 12.2.3, the last release for Node 20: DESIGN §7) against pages
 * served on 127.0.0.1, in a fresh headless Chromium per run with the browser tests' flags.
 * Default config: mobile form factor, simulated slow 4G and 4× CPU, performance only.
 *
 * Offline: Chromium resolves no host name but localhost (`--host-resolver-rules`), so neither
 * the page nor Chromium nor Lighthouse can reach the network; a run that asked for anything off
 * the loopback host lists it in `offHost` and the bench fails on it.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromePath } from '../browser/globalSetup.ts';
import { chromiumArgs } from '../browser/harness.ts';

const OFFLINE_FLAGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export interface LighthouseRun {
  /** Performance score 0–1; NaN when Lighthouse could not score the page. */
  score: number;
  /** Total blocking time, ms. */
  tbt: number;
  /** Largest contentful paint, ms; NaN where the page has none (a canvas-only page). */
  lcp: number;
  fcp: number;
  cls: number;
  /** Bytes transferred in the run (encoded). */
  transferred: number;
  /** Requests to anything but the loopback host (must stay empty). */
  offHost: string[];
  /** Lighthouse's runtime error or score warnings, if any. */
  warnings: string[];
}

function isLocal(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (!/^(https?|wss?):$/.test(protocol)) return true; // data:, blob:, chrome:, about:
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/** One Lighthouse mobile run of `url` in its own Chromium. */
export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: [...chromiumArgs, ...OFFLINE_FLAGS],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      // Software WebGL on two shared cores: a page can take a while to settle.
      maxWaitForLoad: 90_000,
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const items = (lhr.audits['network-requests']?.details as { items?: { url?: string }[] })
      ?.items;
    const warnings = [...lhr.runWarnings];
    if (lhr.runtimeError) warnings.unshift(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return {
      score: lhr.categories.performance?.score ?? NaN,
      tbt: numeric('total-blocking-time'),
      lcp: numeric('largest-contentful-paint'),
      fcp: numeric('first-contentful-paint'),
      cls: numeric('cumulative-layout-shift'),
      transferred: numeric('total-byte-weight'),
      offHost: (items ?? []).map((i) => i.url ?? '').filter((u) => !isLocal(u)),
      warnings,
    };
  } finally {
    chrome.kill();
  }
}

/** The median of each figure over the runs (NaNs last, so a lone NaN does not win). */
export function medianRun(runs: readonly LighthouseRun[]): LighthouseRun {
  const median = (pick: (r: LighthouseRun) => number) => {
    const values = runs.map(pick).sort((a, b) => (isNaN(a) ? 1 : isNaN(b) ? -1 : a - b));
    return values[Math.floor((values.length - 1) / 2)] ?? NaN;
  };
  return {
    score: median((r) => r.score),
    tbt: median((r) => r.tbt),
    lcp: median((r) => r.lcp),
    fcp: median((r) => r.fcp),
    cls: median((r) => r.cls),
    transferred: median((r) => r.transferred),
    offHost: [...new Set(runs.flatMap((r) => r.offHost))],
    warnings: [...new Set(runs.flatMap((r) => r.warnings))],
  };
}
