// What the font worker is asked to open, and in which order (src/embed/warmFonts.ts).
import { describe, expect, test } from 'vitest';
import { fontWarmupPlan } from '../../src/embed/warmFonts.ts';
import { t } from '../../src/i18n/strings.ts';

const STACK = "system-ui, 'Noto Sans CJK SC', sans-serif";

describe('font warm-up plan', () => {
  test("an English page: its own weights first, then Chinese body text, then Chinese's other weights", () => {
    const { message, panelsAfter } = fontWarmupPlan(STACK, 'en');
    expect(message.family).toBe(STACK);
    const en = t('en', 'title');
    const zh = t('zh', 'title');
    expect(message.texts).toEqual([
      { sample: en, weight: 400 },
      { sample: en, weight: 600 },
      { sample: en, weight: 700 },
      { sample: en, weight: 500 },
      { sample: zh, weight: 400 },
      { sample: zh, weight: 600 },
      { sample: zh, weight: 700 },
      { sample: zh, weight: 500 },
    ]);
    // The panels (Chinese source titles in body text) wait for the first five, not for the
    // bold CJK files a switch of language needs.
    expect(panelsAfter).toBe(5);
    expect(message.texts[panelsAfter - 1]).toEqual({ sample: zh, weight: 400 });
  });

  test('a Chinese page opens its own fonts first', () => {
    const { message, panelsAfter } = fontWarmupPlan(STACK, 'zh');
    expect(message.texts.slice(0, 4).every((x) => x.sample === t('zh', 'title'))).toBe(true);
    expect(message.texts[4]).toEqual({ sample: t('en', 'title'), weight: 400 });
    expect(panelsAfter).toBe(5);
    expect(message.texts).toHaveLength(8);
  });

  test('every sample has the script of its language', () => {
    const { message } = fontWarmupPlan(STACK, 'en');
    expect(message.texts.some((x) => /[\u4e00-\u9fff]/.test(x.sample))).toBe(true);
    expect(message.texts.some((x) => /[A-Za-z]/.test(x.sample))).toBe(true);
  });
});
