/**
 * The only way text reaches the static SVG: every data string (names, ids, colours) is escaped
 * here, so a name like `<script>` stays text and the document stays well-formed XML.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * `text` safe in XML content and in quoted attribute values. Characters XML 1.0 forbids outright
 * (C0 controls other than tab, newline and return; lone surrogates; U+FFFE/U+FFFF) cannot be
 * escaped at all, so they are dropped rather than making the whole picture unreadable.
 */
export function escapeXml(text: string): string {
  let out = '';
  // for…of walks code points, so a valid surrogate pair arrives whole and a lone half alone.
  for (const char of text) {
    if (isXmlChar(char.codePointAt(0) ?? 0)) out += ENTITIES[char] ?? char;
  }
  return out;
}

/** XML 1.0 `Char` production (§2.2). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

export type AttributeValue = string | number | undefined;

/**
 * ` name="value"` pairs, escaped; undefined values are left out. Names come from our code,
 * never from data, so only values are escaped.
 */
export function attrs(values: Record<string, AttributeValue>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** An element; `content` must already be markup (escape text with {@link escapeXml}). */
export function element(
  name: string,
  values: Record<string, AttributeValue>,
  content?: string,
): string {
  return content === undefined
    ? `<${name}${attrs(values)}/>`
    : `<${name}${attrs(values)}>${content}</${name}>`;
}
