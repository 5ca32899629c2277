/**
 * Text held as its UTF-8 bytes, one character per byte (every code unit below 0x100): what the GEXF
 * and GraphML writers produce, so a server sends a block of it with one copy
 * (`Buffer.from(block, "latin1")`). Encoding the same text from UTF-16 cost about four times as much at
 * 100,000 relationships: one en dash in a date label made every block a two-byte string, and those
 * are encoded character by character. Printable ASCII, nearly all of an export, is the same either
 * way, so only the rare value with anything else is converted. Node only (Buffer): both writers run
 * on the server.
 */
import { escapeAttr, escapeText } from "./xml";

const HAS_NON_ASCII = /[^\x00-\x7F]/;

/**
 * Values converted lately: the same few recur on every edge (a date label with its en dash is
 * shared by hundreds), and a lookup costs a tenth of a conversion. Bounded, emptied when full.
 */
const converted = new Map<string, string>();
const MAX_CONVERTED = 65_536;

/**
 * Text (well-formed UTF-16: no lone surrogates) as its UTF-8 bytes; ASCII comes back as it is.
 * Buffer's latin1 decoding makes a one-byte string; a copy of a two-byte string made in JavaScript
 * (replace(), slices) would stay two-byte, and a block holding it would again be copied character by
 * character.
 */
export function utf8Bytes(text: string): string {
  if (!HAS_NON_ASCII.test(text)) return text;
  let bytes = converted.get(text);
  if (bytes === undefined) {
    if (converted.size >= MAX_CONVERTED) converted.clear();
    converted.set(text, (bytes = Buffer.from(text, "utf8").toString("latin1")));
  }
  return bytes;
}

/** The text whose UTF-8 bytes `bytes` holds: utf8Bytes undone. */
export function fromUtf8Bytes(bytes: string): string {
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** Printable ASCII with nothing to escape: the same as it is, escaped, or as bytes. */
const NEEDS_WORK = /[^\x20-\x21\x23-\x25\x28-\x3B\x3D\x3F-\x7E]/;

/** escapeAttr's text as UTF-8 bytes. */
export function attrBytes(text: string): string {
  return NEEDS_WORK.test(text) ? utf8Bytes(escapeAttr(text)) : text;
}

/** escapeText's text as UTF-8 bytes. */
export function textBytes(text: string): string {
  return NEEDS_WORK.test(text) ? utf8Bytes(escapeText(text)) : text;
}
