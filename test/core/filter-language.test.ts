import { expect } from "chai";
import type { CapAlert, CapInfo } from "../../shared/model/cap.js";
import { chooseInfo, chooseInfoFor } from "../../shared/filter/language.js";

function info(language: string, event = `event in ${language}`): CapInfo {
  return {
    language,
    category: ["Rescue"],
    event,
    responseType: [],
    urgency: "Immediate",
    severity: "Severe",
    certainty: "Likely",
    eventCode: [],
    parameter: [],
    resource: [],
    area: [],
  };
}

function languageOf(infos: CapInfo[], preferred: string[]): string | undefined {
  return chooseInfo(infos, preferred)?.language;
}

describe("chooseInfo", () => {
  it("returns undefined without infos", () => {
    expect(chooseInfo([], ["en"])).to.equal(undefined);
  });

  it("prefers an exact match", () => {
    const infos = [info("el"), info("el-GR")];
    expect(languageOf(infos, ["el-GR"])).to.equal("el-GR");
  });

  it("truncates the preferred tag", () => {
    const infos = [info("en-US"), info("el")];
    expect(languageOf(infos, ["el-GR"])).to.equal("el");
  });

  it("truncates several subtags", () => {
    const infos = [info("zh-CN"), info("zh-Hant")];
    expect(languageOf(infos, ["zh-Hant-TW"])).to.equal("zh-Hant");
  });

  it("truncates a trailing singleton too", () => {
    // Lookup never tries "de-CH-1996-x", so the info "de" is the match.
    const infos = [info("de-CH-1996-x"), info("de")];
    expect(languageOf(infos, ["de-CH-1996-x-phonebk"])).to.equal("de");
  });

  it("falls back on the primary subtag", () => {
    const infos = [info("fr-FR"), info("en-US")];
    expect(languageOf(infos, ["en-GB"])).to.equal("en-US");
  });

  it("matches a bare tag to a regional info", () => {
    const infos = [info("en-US"), info("el-GR")];
    expect(languageOf(infos, ["el"])).to.equal("el-GR");
  });

  it("follows the order of preference", () => {
    const infos = [info("en-US"), info("fr-CA")];
    expect(languageOf(infos, ["fr-CA", "en-US"])).to.equal("fr-CA");
    expect(languageOf(infos, ["en-US", "fr-CA"])).to.equal("en-US");
  });

  it("tries every step for one tag first", () => {
    // The reader's first language, by its primary subtag, beats an exact
    // match of their second language.
    const infos = [info("el-GR"), info("en-US")];
    expect(languageOf(infos, ["en-GB", "el-GR"])).to.equal("en-US");
  });

  it("skips unmatched preferred tags", () => {
    const infos = [info("en-US"), info("el-GR")];
    expect(languageOf(infos, ["ja", "el"])).to.equal("el-GR");
  });

  it("ignores case", () => {
    const infos = [info("zh-CN"), info("zh-TW")];
    expect(languageOf(infos, ["zh-tw"])).to.equal("zh-TW");
    expect(languageOf([info("zh-cn"), info("zh-tw")], ["ZH-TW"])).to.equal(
      "zh-tw",
    );
  });

  it("reads underscores as hyphens", () => {
    const infos = [info("en_GB"), info("en_US")];
    expect(languageOf(infos, ["en-US"])).to.equal("en_US");
  });

  it("ignores whitespace and empty tags", () => {
    const infos = [info(" fr "), info("en")];
    expect(languageOf(infos, ["", "  ", "fr"])).to.equal(" fr ");
  });

  it("falls back on English", () => {
    const infos = [info("fr"), info("en-CA"), info("en")];
    expect(languageOf(infos, ["el"])).to.equal("en-CA");
  });

  it("falls back on English without preferences", () => {
    const infos = [info("fr"), info("en")];
    expect(languageOf(infos, [])).to.equal("en");
  });

  it("falls back on the first info", () => {
    const infos = [info("fr"), info("de")];
    expect(languageOf(infos, ["el"])).to.equal("fr");
  });

  it("skips the wildcard range", () => {
    const infos = [info("fr"), info("de")];
    expect(languageOf(infos, ["*", "de"])).to.equal("de");
  });

  it("counts an empty language as en-US", () => {
    const unnamed = info("");
    expect(chooseInfo([info("en"), unnamed], ["en-US"])).to.equal(unnamed);
    expect(chooseInfo([info("fr"), unnamed], ["el"])).to.equal(unnamed);
    expect(chooseInfo([info("en-GB"), unnamed], ["en-GB"])).to.not.equal(
      unnamed,
    );
  });

  describe("eight DWD languages", () => {
    // The languages of one real DWD (Deutscher Wetterdienst) CAP message,
    // in the order the message lists them.
    const infos = ["de-DE", "en", "fr", "es", "ar", "ru", "tr", "pl"].map(
      (language) => info(language),
    );
    const cases: Array<[string[], string]> = [
      [["de-DE"], "de-DE"],
      [["de"], "de-DE"],
      [["de-AT"], "de-DE"],
      [["en-GB"], "en"],
      [["en"], "en"],
      [["fr-CA"], "fr"],
      [["es-419"], "es"],
      [["ar-EG"], "ar"],
      [["RU"], "ru"],
      [["tr-TR"], "tr"],
      [["pl-PL"], "pl"],
      [["el", "ru"], "ru"],
      [["el"], "en"],
      [["el-GR", "it"], "en"],
      [[], "en"],
    ];
    for (const [preferred, expected] of cases) {
      it(`chooses ${expected} for ${preferred.join(", ") || "no preference"}`, () => {
        expect(languageOf(infos, preferred)).to.equal(expected);
      });
    }
  });
});

describe("chooseInfoFor", () => {
  const alert: CapAlert = {
    identifier: "TEST-LANGUAGE-0001",
    sender: "alerts@example.org",
    sent: "2024-05-01T10:00:00+03:00",
    status: "Actual",
    msgType: "Alert",
    scope: "Public",
    code: [],
    references: [],
    incidents: [],
    info: [
      info("el-GR", "Heavy rain"),
      info("en-US", "Missing Child"),
      info("el-GR", "Missing Child"),
    ],
  };
  const isMissingChild = (candidate: CapInfo) =>
    candidate.event === "Missing Child";

  it("chooses among all infos", () => {
    expect(chooseInfoFor(alert, ["el"])).to.equal(alert.info[0]);
  });

  it("chooses among infos that pass", () => {
    expect(chooseInfoFor(alert, ["el"], isMissingChild)).to.equal(
      alert.info[2],
    );
    expect(chooseInfoFor(alert, ["fr"], isMissingChild)).to.equal(
      alert.info[1],
    );
  });

  it("returns undefined when none passes", () => {
    expect(chooseInfoFor(alert, ["el"], () => false)).to.equal(undefined);
  });
});
