/**
 * The little XML the GraphML and GEXF exports need: escaping and one-line elements. Pure string
 * building, so the same network always gives the same bytes.
 */

/** Characters XML 1.0 forbids anywhere, even escaped: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripForbidden(text: string): string {
  return text.replace(FORBIDDEN, "");
}

/** Most values hold nothing to escape or strip: one test, not nine replacements (the exports run this per value). */
const NEEDS_ESCAPE = /[^\x20-\x21\x23-\x25\x28-\x3B\x3D\x3F-\uD7FF\uE000-\uFFFD]/;

/**
 * Text content. CR is written as a character reference, or a parser's line-end normalisation would
 * turn a CRLF in the data into LF.
 */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return stripForbidden(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** An attribute value (in double quotes). Tab, LF and CR become references, or parsers would turn them into spaces. */
export function escapeAttr(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return stripForbidden(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** Attributes in the order given; null and undefined ones are left out. */
export type XmlAttrs = Record<string, string | number | boolean | null | undefined>;

function attrText(attrs: XmlAttrs): string {
  let out = "";
  // for…in, not Object.entries: the same order, without an array of pairs per element (exports write one per value).
  for (const name in attrs) {
    const value = attrs[name];
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeAttr(String(value))}"`;
  }
  return out;
}

/** `<name a="…"/>`, or `<name a="…">text</name>` with the text escaped. */
export function element(name: string, attrs: XmlAttrs = {}, text?: string): string {
  if (text === undefined) return `<${name}${attrText(attrs)}/>`;
  return `<${name}${attrText(attrs)}>${escapeText(text)}</${name}>`;
}

/** The opening tag alone, for elements whose children are written on the following lines. */
export function openTag(name: string, attrs: XmlAttrs = {}): string {
  return `<${name}${attrText(attrs)}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
