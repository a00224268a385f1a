import { expect } from "chai";
import { applyMessages } from "../../shared/lifecycle/apply-messages.js";
import { emptyLifecycleState } from "../../shared/lifecycle/lifecycle-state.js";
import type { StoredAlert } from "../../shared/lifecycle/lifecycle-state.js";
import type { CapAlert, CapResource } from "../../shared/model/cap.js";
import { safeWebUrl } from "../../shared/view/safe-url.js";
import { toAlertView } from "../../shared/view/to-alert-view.js";
import { makeAlert, makeInfo } from "../helpers/cap-alert.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==";

function store(alert: CapAlert): StoredAlert {
  const { state } = applyMessages(emptyLifecycleState(), [alert], {
    now: NOW,
    feedUrl: "https://feeds.example/a.xml",
  });
  return [...state.alerts.values()][0]!;
}

function photoOf(resource: CapResource) {
  const alert = makeAlert({ info: [makeInfo({ resource: [resource] })] });
  return toAlertView(store(alert), { languages: ["en"] }).photo;
}

describe("toAlertView", () => {
  it("flattens the chosen info", () => {
    const alert = makeAlert({
      incidents: ["CASE-1"],
      info: [
        makeInfo({
          language: "en-US",
          headline: "TEST English",
          senderName: "Example State Police",
          description: "Invented description.",
          instruction: "Call 0000 (invented).",
          contact: "0000",
          onset: "2024-05-01T14:35:00-05:00",
          area: [
            {
              areaDesc: "Example County",
              polygon: [],
              circle: [],
              geocode: [],
            },
            {
              areaDesc: " Sample County ",
              polygon: [],
              circle: [],
              geocode: [],
            },
          ],
          parameter: [
            { valueName: "child-alert:age", value: "9" },
            {
              valueName: "child-alert:appearance",
              value: "Red coat (invented)",
            },
            { valueName: "child-alert:last-seen-place", value: "Example Park" },
            {
              valueName: "child-alert:last-seen-time",
              value: "2024-05-01T13:00:00-05:00",
            },
          ],
        }),
        makeInfo({ language: "el-GR", headline: "TEST Ελληνικά" }),
      ],
    });
    const view = toAlertView(store(alert), { languages: ["en-GB"] });
    expect(view.key).to.equal("alerts@state-police.example,TEST-1");
    expect(view.caseKey).to.equal(view.key);
    expect(view.version).to.equal(`${view.key},2024-05-01T14:30:00-05:00`);
    expect(view.language).to.equal("en-US");
    expect(view.headline).to.equal("TEST English");
    expect(view.kind).to.equal("abduction");
    expect(view.incidents).to.deep.equal(["CASE-1"]);
    expect(view.areaDesc).to.equal("Example County; Sample County");
    expect(view.senderName).to.equal("Example State Police");
    expect(view.description).to.equal("Invented description.");
    expect(view.instruction).to.equal("Call 0000 (invented).");
    expect(view.contact).to.equal("0000");
    expect(view.onset).to.equal("2024-05-01T14:35:00-05:00");
    expect(view.age).to.equal("9");
    expect(view.appearance).to.equal("Red coat (invented)");
    expect(view.lastSeenPlace).to.equal("Example Park");
    expect(view.lastSeenTime).to.equal("2024-05-01T13:00:00-05:00");
    expect(view.ends).to.equal("2024-05-02T14:30:00-05:00");
    expect(view.endMs).to.equal(Date.parse("2024-05-02T19:30:00Z"));

    const greek = toAlertView(store(alert), { languages: ["el"] });
    expect(greek.headline).to.equal("TEST Ελληνικά");
  });

  it("falls back to the event", () => {
    const alert = makeAlert({ info: [makeInfo({ headline: undefined })] });
    const view = toAlertView(store(alert), { languages: ["en"] });
    expect(view.headline).to.equal("Child Abduction Emergency");
  });

  it("leaves ends out for the default lifetime", () => {
    const alert = makeAlert({ info: [makeInfo({ expires: undefined })] });
    const view = toAlertView(store(alert), { languages: ["en"] });
    expect(view.ends).to.equal(undefined);
    expect(view.endMs).to.equal(Date.parse("2024-05-02T19:30:00Z"));
  });

  it("uses the event end", () => {
    const alert = makeAlert({
      info: [
        makeInfo({
          expires: "2024-05-01T18:30:00-05:00",
          parameter: [
            {
              valueName: "eventEndingTime",
              value: "2024-05-01T23:00:00-05:00",
            },
          ],
        }),
      ],
    });
    const view = toAlertView(store(alert), { languages: ["en"] });
    expect(view.ends).to.equal("2024-05-01T23:00:00-05:00");
  });

  it("prefers infos passing the filter", () => {
    const alert = makeAlert({
      info: [
        makeInfo({ headline: "TEST north" }),
        makeInfo({ headline: "TEST south" }),
      ],
    });
    const view = toAlertView(store(alert), {
      languages: ["en"],
      infoFilter: (info) => info.headline === "TEST south",
    });
    expect(view.headline).to.equal("TEST south");
    const none = toAlertView(store(alert), {
      languages: ["en"],
      infoFilter: () => false,
    });
    expect(none.headline).to.equal("TEST north");
  });

  it("keeps only safe web links", () => {
    const cases: [string, string | undefined][] = [
      ["https://police.example/case", "https://police.example/case"],
      ["http://police.example/case", undefined],
      ["http://localhost:8000/case", "http://localhost:8000/case"],
      ["http://127.0.0.1/case", "http://127.0.0.1/case"],
      ["http://[::1]/case", "http://[::1]/case"],
      ["javascript:alert(1)", undefined],
      ["data:text/html,hi", undefined],
      ["https://user:pw@police.example/", undefined],
      ["/relative", undefined],
    ];
    for (const [web, expected] of cases) {
      const alert = makeAlert({ info: [makeInfo({ web })] });
      const view = toAlertView(store(alert), { languages: ["en"] });
      expect(view.web, web).to.equal(expected);
      expect(safeWebUrl(web), web).to.equal(expected);
    }
  });

  it("takes a photo by URL", () => {
    const photo = photoOf({
      resourceDesc: "Photo of the child",
      mimeType: "image/jpeg",
      uri: "https://police.example/photo.jpg",
    });
    expect(photo).to.deep.equal({
      url: "https://police.example/photo.jpg",
      mimeType: "image/jpeg",
      alt: "Photo of the child: TEST AMBER Alert - invented data",
    });
  });

  it("embeds a PNG photo", () => {
    const photo = photoOf({
      resourceDesc: "Photo",
      mimeType: "image/png",
      derefUri: `${PNG_BASE64.slice(0, 20)}\n${PNG_BASE64.slice(20)}`,
    });
    expect(photo?.url).to.equal(`data:image/png;base64,${PNG_BASE64}`);
    expect(photo?.mimeType).to.equal("image/png");
  });

  it("reads image/jpg as JPEG", () => {
    const photo = photoOf({
      resourceDesc: "Photo",
      mimeType: "image/jpg",
      derefUri: PNG_BASE64,
    });
    expect(photo?.url.startsWith("data:image/jpeg;base64,")).to.equal(true);
  });

  it("rejects unsafe photos", () => {
    const unsafe: CapResource[] = [
      {
        resourceDesc: "Photo",
        mimeType: "image/svg+xml",
        derefUri: PNG_BASE64,
      },
      {
        resourceDesc: "Photo",
        mimeType: "image/svg+xml",
        uri: "https://police.example/p.svg",
      },
      { resourceDesc: "Photo", mimeType: "image/bmp", derefUri: PNG_BASE64 },
      { resourceDesc: "Photo", mimeType: "image/png", derefUri: "not base64!" },
      {
        resourceDesc: "Photo",
        mimeType: "image/png",
        uri: "http://police.example/p.png",
      },
      {
        resourceDesc: "Photo",
        mimeType: "image/png",
        uri: "javascript:alert(1)",
      },
      {
        resourceDesc: "Map",
        mimeType: "application/pdf",
        uri: "https://police.example/m.pdf",
      },
    ];
    for (const resource of unsafe) {
      expect(photoOf(resource), JSON.stringify(resource)).to.equal(undefined);
    }
  });

  it("takes the first safe image", () => {
    const alert = makeAlert({
      info: [
        makeInfo({
          resource: [
            {
              resourceDesc: "Map",
              mimeType: "application/pdf",
              uri: "https://police.example/m.pdf",
            },
            {
              resourceDesc: "Bad",
              mimeType: "image/png",
              uri: "ftp://police.example/p.png",
            },
            {
              resourceDesc: "",
              mimeType: "image/webp",
              uri: "https://police.example/p.webp",
            },
          ],
        }),
      ],
    });
    const view = toAlertView(store(alert), { languages: ["en"] });
    expect(view.photo?.url).to.equal("https://police.example/p.webp");
    expect(view.photo?.alt).to.equal("TEST AMBER Alert - invented data");
  });

  it("builds a view of an alert without info", () => {
    const view = toAlertView(store(makeAlert({ info: [] })), {
      languages: ["en"],
    });
    expect(view.headline).to.equal("");
    expect(view.kind).to.equal(null);
    expect(view.ends).to.equal(undefined);
  });
});
