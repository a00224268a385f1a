import { expect } from "chai";
import { formatAlertTime } from "../../widget/format/format-alert-time.js";
import { formatStaleNotice } from "../../widget/format/format-stale-notice.js";
import {
  chooseInterfaceLanguage,
  INTERFACE_LANGUAGES,
} from "../../widget/i18n/choose-language.js";
import { BUNDLED_STRINGS } from "../../widget/i18n/load-strings.js";
import { textDirection } from "../../widget/i18n/text-direction.js";
import { TRANSLATIONS } from "../../widget/i18n/translations.js";
import {
  EL,
  EN,
  fillIn,
  type UiStrings,
} from "../../widget/i18n/ui-strings.js";

const ALL: Record<string, UiStrings> = { ...BUNDLED_STRINGS, ...TRANSLATIONS };

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

describe("widget interface strings", () => {
  it("cover the EU official languages", () => {
    expect(Object.keys(ALL).sort()).to.deep.equal(
      [...INTERFACE_LANGUAGES].sort(),
    );
    expect(INTERFACE_LANGUAGES.length).to.equal(24);
  });

  for (const [language, strings] of Object.entries(ALL)) {
    it(`${language} has every key and placeholder`, () => {
      expect(Object.keys(strings).sort()).to.deep.equal(Object.keys(EN).sort());
      for (const key of Object.keys(EN) as (keyof UiStrings)[]) {
        expect(strings[key].trim(), `${language}.${key}`).to.not.equal("");
        expect(placeholders(strings[key]), `${language}.${key}`).to.deep.equal(
          placeholders(EN[key]),
        );
      }
    });
  }

  it("fillIn replaces placeholders as text", () => {
    expect(fillIn("Call {number}", { number: "<b>112</b>" })).to.equal(
      "Call <b>112</b>",
    );
    expect(fillIn("{missing} stays", {})).to.equal("{missing} stays");
    expect(fillIn("{toString}", {})).to.equal("{toString}");
  });
});

describe("widget language choice", () => {
  const cases: [(string | undefined)[], string][] = [
    [["el"], "el"],
    [["el-GR"], "el"],
    [["de-AT", "en"], "de"],
    [["ar", "fr-BE"], "fr"],
    [[undefined, "", "pt_BR"], "pt"],
    [["ja"], "en"],
    [[], "en"],
  ];
  for (const [preferences, expected] of cases) {
    it(`${JSON.stringify(preferences)} picks ${expected}`, () => {
      expect(chooseInterfaceLanguage(preferences)).to.equal(expected);
    });
  }
});

describe("widget text direction", () => {
  const cases: [string, "ltr" | "rtl"][] = [
    ["ar", "rtl"],
    ["he-IL", "rtl"],
    ["fa", "rtl"],
    ["ur-PK", "rtl"],
    ["pa-Arab", "rtl"],
    ["az-Arab-IR", "rtl"],
    ["ku-Latn", "ltr"],
    ["el", "ltr"],
    ["en-US", "ltr"],
    ["", "ltr"],
  ];
  for (const [tag, expected] of cases) {
    it(`${tag || "empty"} is ${expected}`, () => {
      expect(textDirection(tag)).to.equal(expected);
    });
  }
});

describe("widget time format", () => {
  const time = "2026-12-04T10:00:00+02:00";

  it("shows the time zone", () => {
    const text = formatAlertTime(time, "en-GB", "Europe/Athens")!;
    expect(text).to.contain("10:00");
    expect(text).to.match(/EET|GMT\+2/);
  });

  it("converts to the reader's zone", () => {
    const text = formatAlertTime(time, "en-GB", "Europe/London")!;
    expect(text).to.contain("08:00");
    expect(text).to.match(/GMT|UTC/);
  });

  it("uses the reader's locale", () => {
    const text = formatAlertTime(time, "el", "Europe/Athens")!;
    expect(text).to.contain("Δεκ");
  });

  it("rejects invalid CAP times", () => {
    expect(formatAlertTime("4 December", "en")).to.equal(undefined);
    expect(formatAlertTime("2026-12-04T10:00:00", "en")).to.equal(undefined);
    expect(formatAlertTime(undefined, "en")).to.equal(undefined);
  });

  it("survives an invalid locale", () => {
    expect(formatAlertTime(time, "not a locale!", "Europe/Athens")).to.contain(
      "10:00",
    );
  });

  it("survives an invalid zone", () => {
    expect(formatAlertTime(time, "en", "Not/AZone")).to.be.a("string");
  });
});

describe("widget stale notice text", () => {
  const fetched = Date.parse("2026-12-04T14:05:00+02:00");

  it("names the time on the same day", () => {
    const now = Date.parse("2026-12-04T14:40:00+02:00");
    expect(
      formatStaleNotice(EN, "en-GB", fetched, now, "Europe/Athens"),
    ).to.equal("Data from 14:05, may be out of date");
  });

  it("adds the day on another day", () => {
    const now = Date.parse("2026-12-05T09:00:00+02:00");
    const text = formatStaleNotice(EN, "en-GB", fetched, now, "Europe/Athens");
    expect(text).to.match(
      /^Data from 4 Dec 2026(,| at)? 14:05, may be out of date$/,
    );
  });

  it("judges the day in the given zone", () => {
    // Across midnight in Athens, but both on the 5th in Tokyo.
    const fetchedLate = Date.parse("2026-12-04T23:00:00+02:00");
    const now = Date.parse("2026-12-05T00:30:00+02:00");
    expect(
      formatStaleNotice(EN, "en-GB", fetchedLate, now, "Asia/Tokyo"),
    ).to.equal("Data from 06:00, may be out of date");
    expect(
      formatStaleNotice(EN, "en-GB", fetchedLate, now, "Europe/Athens"),
    ).to.not.equal("Data from 23:00, may be out of date");
  });

  it("is in Greek for el", () => {
    const now = Date.parse("2026-12-04T14:40:00+02:00");
    const text = formatStaleNotice(EL, "el", fetched, now, "Europe/Athens");
    expect(text).to.match(/^Δεδομένα από 2:05 μ\.μ\., /);
    expect(text).to.contain("ενημερωμένα");
  });

  it("names no time without one", () => {
    expect(formatStaleNotice(EN, "en", undefined, Date.now())).to.equal(
      "Data may be out of date",
    );
  });

  it("survives an invalid locale", () => {
    const now = Date.parse("2026-12-04T14:40:00+02:00");
    expect(
      formatStaleNotice(EN, "not a locale!", fetched, now, "Europe/Athens"),
    ).to.match(/^Data from 2:05\sPM, may be out of date$/);
  });
});
