/** The subset font built by `fontPlugin` (src/build/fontPlugin.ts). */
declare module 'virtual:corridor-font' {
  /** The family name to register the font under and to put first in font stacks. */
  export const FONT_FAMILY_NAME: string;
  /** Where the woff2 subset is, relative to the page's base as vite resolves it. */
  export const FONT_URL: string;
}

/** subset-font 2.9 ships no types. */
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: {
      targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
      preserveNameIds?: number[];
      variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    },
  ): Promise<Buffer>;
}
