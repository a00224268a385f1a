/**
 * How parseFeed turns bytes into text: byte-order marks, UTF-16 with and
 * without them, encodings named in the XML declaration, and declared UTF-8
 * that holds stray single-byte text. Greek and Latin test text is built
 * from known byte values, so each case checks one mapping.
 */
import { expect } from "chai";
import { decodeInput } from "../../shared/formats/decode-input.js";
import { IssueList } from "../../shared/formats/issue-list.js";
import { capTemplate } from "../helpers/cap-template.js";
import { codesOf, infoAt, onlyAlert, parse } from "../helpers/parse-fixture.js";

const DECLARATION = `<?xml version="1.0" encoding="UTF-8"?>`;
const ascii = new TextEncoder();

/** "Εξαφάνιση παιδιού" ("child gone missing") in ISO-8859-7. */
const GREEK_EVENT_8859_7 = [
  0xc5, 0xee, 0xe1, 0xf6, 0xdc, 0xed, 0xe9, 0xf3, 0xe7, 0x20, 0xf0, 0xe1, 0xe9,
  0xe4, 0xe9, 0xef, 0xfd,
];
const GREEK_EVENT = "Εξαφάνιση παιδιού";
/** "Αθήνα" (Athens) in ISO-8859-7 and in windows-1253. */
const ATHENS_BYTES = [0xc1, 0xe8, 0xde, 0xed, 0xe1];
const ATHENS = "Αθήνα";

/** Returns the bytes of an alert whose event and areaDesc are raw bytes, after a declaration. */
function alertBytes(
  declaration: string,
  eventBytes: number[],
  areaBytes: number[],
): Uint8Array {
  const [beforeEvent, rest] = capTemplate({
    event: "@EVENT@",
    areaDesc: "@AREA@",
  }).split("@EVENT@") as [string, string];
  const [betweenEventAndArea, afterArea] = rest.split("@AREA@") as [
    string,
    string,
  ];
  return new Uint8Array([
    ...ascii.encode(declaration + beforeEvent),
    ...eventBytes,
    ...ascii.encode(betweenEventAndArea),
    ...areaBytes,
    ...ascii.encode(afterArea),
  ]);
}

/** Encodes text as UTF-16, little- or big-endian, optionally with a byte-order mark. */
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? "\uFEFF" : "") + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i++) {
    view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  }
  return bytes;
}

function eventAndArea(input: Uint8Array | string): [string, string] {
  const info = infoAt(onlyAlert(parse(input)), 0);
  return [info.event, info.area[0]!.areaDesc];
}

describe("parseFeed byte decoding", () => {
  describe("byte-order marks", () => {
    const text = capTemplate({ event: GREEK_EVENT, areaDesc: ATHENS });
    const cases: [string, Uint8Array][] = [
      [
        "UTF-8 BOM, declaration",
        new Uint8Array([0xef, 0xbb, 0xbf, ...ascii.encode(DECLARATION + text)]),
      ],
      [
        "UTF-8 BOM, no declaration",
        new Uint8Array([0xef, 0xbb, 0xbf, ...ascii.encode(text)]),
      ],
      [
        "UTF-16LE BOM, declaration",
        utf16(`<?xml version="1.0" encoding="UTF-16"?>${text}`, true, true),
      ],
      ["UTF-16LE BOM, no declaration", utf16(text, true, true)],
      [
        "UTF-16BE BOM, declaration",
        utf16(`<?xml version="1.0" encoding="UTF-16"?>${text}`, false, true),
      ],
      ["UTF-16BE BOM, no declaration", utf16(text, false, true)],
      ["UTF-16LE, no BOM", utf16(DECLARATION + text, true, false)],
      ["UTF-16BE, no BOM", utf16(text, false, false)],
      ["UTF-16LE, no BOM, leading space", utf16(`\n  ${text}`, true, false)],
      ["UTF-16BE, no BOM, leading tab", utf16(`\t${text}`, false, false)],
    ];
    for (const [name, bytes] of cases) {
      it(name, () => {
        const result = parse(bytes);
        expect(result.format).to.equal("cap");
        expect(result.errors).to.deep.equal([]);
        expect(result.warnings).to.deep.equal([]);
        expect(eventAndArea(bytes)).to.deep.equal([GREEK_EVENT, ATHENS]);
        expect(onlyAlert(result).identifier).to.equal("TEST-XML-0001");
      });
    }

    it("UTF-8 BOM wins over a declared charset", () => {
      const bytes = new Uint8Array([
        0xef,
        0xbb,
        0xbf,
        ...ascii.encode(
          `<?xml version="1.0" encoding="ISO-8859-7"?>` +
            capTemplate({ event: GREEK_EVENT }),
        ),
      ]);
      expect(eventAndArea(bytes)[0]).to.equal(GREEK_EVENT);
    });

    it("BOM in a string is dropped", () => {
      const result = parse(`\uFEFF${DECLARATION}${text}`);
      expect(result.errors).to.deep.equal([]);
      expect(onlyAlert(result).identifier).to.equal("TEST-XML-0001");
    });
  });

  describe("declared single-byte charsets", () => {
    it("ISO-8859-7 reads Greek", () => {
      const bytes = alertBytes(
        `<?xml version="1.0" encoding="ISO-8859-7"?>`,
        GREEK_EVENT_8859_7,
        ATHENS_BYTES,
      );
      const result = parse(bytes);
      expect(result.warnings).to.deep.equal([]);
      expect(eventAndArea(bytes)).to.deep.equal([GREEK_EVENT, ATHENS]);
    });

    it("windows-1253 reads Greek", () => {
      const bytes = alertBytes(
        `<?xml version='1.0' encoding='windows-1253'?>`,
        GREEK_EVENT_8859_7,
        ATHENS_BYTES,
      );
      expect(eventAndArea(bytes)).to.deep.equal([GREEK_EVENT, ATHENS]);
    });

    it("ISO-8859-7 differs from Latin-1", () => {
      // The same bytes read as Latin-1 are not Greek: the label matters.
      const bytes = alertBytes(
        `<?xml version="1.0" encoding="ISO-8859-1"?>`,
        ATHENS_BYTES,
        ATHENS_BYTES,
      );
      expect(eventAndArea(bytes)).to.deep.equal(["ÁèÞíá", "ÁèÞíá"]);
    });

    it("windows-1252 reads its 0x80-0x9F range", () => {
      // 0x80 is the euro sign, 0x93/0x94 curly quotes, 0xE9 "é".
      const bytes = alertBytes(
        `<?xml version = "1.0" encoding = "windows-1252" ?>`,
        [0x93, 0x43, 0x61, 0x66, 0xe9, 0x94],
        [0x80, 0x35],
      );
      expect(eventAndArea(bytes)).to.deep.equal(["\u201cCafé\u201d", "€5"]);
    });

    it("ISO-8859-1 is read as windows-1252", () => {
      // WHATWG Encoding maps the label "iso-8859-1" to windows-1252.
      const bytes = alertBytes(
        `<?xml version="1.0" encoding="iso-8859-1"?>`,
        [0x55, 0x73, 0x75, 0x6c, 0x75, 0x74, 0xe1, 0x6e],
        [0x80],
      );
      expect(eventAndArea(bytes)).to.deep.equal(["Usulután", "€"]);
    });

    it("declaration is ignored for string input", () => {
      const result = parse(
        `<?xml version="1.0" encoding="ISO-8859-7"?>` +
          capTemplate({ event: GREEK_EVENT }),
      );
      expect(result.warnings).to.deep.equal([]);
      expect(infoAt(onlyAlert(result), 0).event).to.equal(GREEK_EVENT);
    });
  });

  describe("unusable declarations", () => {
    it("unknown charset read as UTF-8", () => {
      const bytes = ascii.encode(
        `<?xml version="1.0" encoding="x-klingon-8"?>` +
          capTemplate({ event: GREEK_EVENT }),
      );
      const result = parse(bytes);
      expect(result.errors).to.deep.equal([]);
      expect(codesOf(result.warnings)).to.deep.equal(["encoding"]);
      expect(result.warnings[0]!.value).to.equal("x-klingon-8");
      expect(infoAt(onlyAlert(result), 0).event).to.equal(GREEK_EVENT);
    });

    // A document may declare UTF-16 although its bytes are UTF-8. Decoding
    // it as UTF-16 turned each pair of bytes into one CJK-looking character,
    // and the whole feed was lost as "not a feed".
    for (const label of ["UTF-16", "utf-16le", "UTF-16BE", "ucs-2"]) {
      it(`declared ${label}, single-byte content`, () => {
        const bytes = ascii.encode(
          `<?xml version="1.0" encoding="${label}"?>` +
            capTemplate({ event: GREEK_EVENT }),
        );
        const result = parse(bytes);
        expect(result.fatal).to.equal(false);
        expect(result.format).to.equal("cap");
        expect(result.errors).to.deep.equal([]);
        expect(codesOf(result.warnings)).to.deep.equal(["encoding"]);
        expect(result.warnings[0]!.value).to.equal(label.toLowerCase());
        expect(infoAt(onlyAlert(result), 0).event).to.equal(GREEK_EVENT);
      });
    }

    it("replacement-encoding label read as UTF-8", () => {
      // "iso-2022-kr" names the WHATWG "replacement" encoding, which
      // decodes any input to a single U+FFFD.
      const bytes = ascii.encode(
        `<?xml version="1.0" encoding="ISO-2022-KR"?>` + capTemplate(),
      );
      const result = parse(bytes);
      expect(result.errors).to.deep.equal([]);
      expect(codesOf(result.warnings)).to.deep.equal(["encoding"]);
      expect(onlyAlert(result).identifier).to.equal("TEST-XML-0001");
    });
  });

  describe("declared UTF-8 with stray bytes", () => {
    it("decodes valid sequences, maps the rest", () => {
      const bytes = new Uint8Array([
        ...ascii.encode("caf"),
        0xc3,
        0xa9, // "é", valid UTF-8
        0x20,
        0xe9, // "é" in Latin-1
        0x20,
        0xc3, // a lead byte with no continuation byte
        0x78,
        0xe2,
        0x82, // a three-byte sequence cut short
        0x79,
        0x80, // the euro sign in windows-1252
        0xf0,
        0x9f,
        0x98,
        0x80, // U+1F600, valid UTF-8
        0xed,
        0xa0,
        0x80, // an encoded surrogate, invalid in UTF-8
        0xc0,
        0xaf, // an overlong "/"
      ]);
      const issues = new IssueList();
      expect(decodeInput(bytes, issues)).to.equal(
        "café é Ãxâ‚y€\u{1F600}í\u00a0€À¯",
      );
      expect(codesOf(issues.warnings)).to.deep.equal(["encoding"]);
      // E9, C3, E2, 82, 80, ED, A0, 80, C0 and AF.
      expect(issues.warnings[0]!.message).to.include("10 bytes");
    });

    it("reads Latin-1 text inside a CAP alert", () => {
      const bytes = alertBytes(
        DECLARATION,
        [0x6d, 0xe9, 0x74, 0xe9, 0x6f], // "météo" in Latin-1
        [0x47, 0xc3, 0xa4, 0x76, 0x6c, 0x65], // "Gävle" in UTF-8
      );
      const result = parse(bytes);
      expect(result.errors).to.deep.equal([]);
      expect(codesOf(result.warnings)).to.deep.equal(["encoding"]);
      expect(eventAndArea(bytes)).to.deep.equal(["météo", "Gävle"]);
    });

    it("valid UTF-8 gives no warning", () => {
      const bytes = ascii.encode(
        DECLARATION + capTemplate({ event: GREEK_EVENT, areaDesc: "Gävle" }),
      );
      const result = parse(bytes);
      expect(result.warnings).to.deep.equal([]);
      expect(eventAndArea(bytes)).to.deep.equal([GREEK_EVENT, "Gävle"]);
    });

    it("decodes a stray byte at the very end", () => {
      const issues = new IssueList();
      expect(
        decodeInput(new Uint8Array([0x61, 0xf0, 0x9f, 0x98]), issues),
      ).to.equal("aðŸ˜");
      expect(codesOf(issues.warnings)).to.deep.equal(["encoding"]);
    });

    it("decodes a long mixed document without losing text", () => {
      // Longer than the decoder's 8192-code-point chunks.
      const parts: number[] = [];
      for (let i = 0; i < 5000; i++) parts.push(0x61, 0xe9, 0xc3, 0xa9);
      const text = decodeInput(new Uint8Array(parts), new IssueList());
      expect(text).to.equal("aéé".repeat(5000));
    });
  });

  describe("views and buffers", () => {
    it("reads an ArrayBuffer and an offset view", () => {
      const bytes = ascii.encode(`xx${capTemplate()}yy`);
      const view = new Uint8Array(bytes.buffer, 2, bytes.length - 4);
      expect(onlyAlert(parse(view)).identifier).to.equal("TEST-XML-0001");
      const exact = ascii.encode(capTemplate());
      const result = parse(exact.buffer);
      expect(onlyAlert(result).identifier).to.equal("TEST-XML-0001");
    });
  });
});
