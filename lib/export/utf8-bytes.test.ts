import { describe, expect, it } from "vitest";
import { attrBytes, fromUtf8Bytes, textBytes, utf8Bytes } from "./utf8-bytes";
import { escapeAttr, escapeText } from "./xml";

/** What a server sends of a byte string: one byte per character. */
const sent = (bytes: string) => Buffer.from(bytes, "latin1");

describe("text as UTF-8 bytes, one character each", () => {
  const samples = ["plain ascii", "2003 – at least 2005", "Abū Muṣʿab az-Zarqāwī", "é and ü", "emoji 😀 after", "", "حلب"];

  it("holds exactly the UTF-8 encoding, and reads back as the text", () => {
    for (const text of samples) {
      const bytes = utf8Bytes(text);
      expect([...bytes].every((ch) => ch.charCodeAt(0) < 0x100), text).toBe(true);
      expect(sent(bytes).equals(Buffer.from(text, "utf8")), text).toBe(true);
      expect(fromUtf8Bytes(bytes)).toBe(text);
      // Asked again (from the kept conversions), the same.
      expect(utf8Bytes(text)).toBe(bytes);
    }
    expect(utf8Bytes("plain ascii")).toBe("plain ascii");
  });

  it("escapes as escapeAttr and escapeText do, then converts", () => {
    for (const text of [...samples, `"x" & <y> 'z'\r\n\t`, "a\u0000b\uFFFEc"]) {
      expect(fromUtf8Bytes(attrBytes(text))).toBe(escapeAttr(text));
      expect(fromUtf8Bytes(textBytes(text))).toBe(escapeText(text));
    }
  });
});
