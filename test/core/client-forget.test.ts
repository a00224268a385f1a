/**
 * Forgetting in the client, with the memory store: a cancelled alert's
 * record is deleted and the "forget" event lists its key and photo URLs.
 * The browser suite checks IndexedDB and Cache Storage themselves.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import type { ForgetDetail } from "../../shared/client/forget-alerts.js";
import {
  alertResourceUrls,
  alertsToForget,
} from "../../shared/client/forget-alerts.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { applyMessages } from "../../shared/lifecycle/apply-messages.js";
import { emptyLifecycleState } from "../../shared/lifecycle/lifecycle-state.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import {
  makeAlert,
  makeInfo,
  referenceTo,
  TEST_SENDER,
} from "../helpers/cap-alert.js";
import { capXml } from "../helpers/cap-xml.js";
import {
  feedUrl,
  setFeed,
  stopFeedServer,
  uniqueFeedName,
} from "../helpers/feed-harness.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");
const PHOTO = "https://photos.example/TEST-1.png";

function withPhoto(identifier: string, photo: string, overrides = {}) {
  return makeAlert({
    identifier,
    info: [
      makeInfo({
        resource: [
          {
            resourceDesc: "Photo (invented placeholder)",
            mimeType: "image/png",
            uri: photo,
          },
        ],
      }),
    ],
    ...overrides,
  });
}

describe("alertResourceUrls", () => {
  it("lists absolute web URLs once", () => {
    const alert = makeAlert({
      info: [
        makeInfo({
          resource: [
            { resourceDesc: "a", mimeType: "image/png", uri: PHOTO },
            { resourceDesc: "b", mimeType: "image/png", uri: ` ${PHOTO} ` },
            { resourceDesc: "c", mimeType: "image/png", uri: "photo.png" },
            { resourceDesc: "d", mimeType: "image/png", uri: "data:x" },
            { resourceDesc: "e", mimeType: "image/png" },
          ],
        }),
        makeInfo({
          language: "el-GR",
          resource: [
            {
              resourceDesc: "f",
              mimeType: "image/jpeg",
              uri: "http://localhost:8000/p.jpg",
            },
          ],
        }),
      ],
    });
    expect(alertResourceUrls(alert)).to.deep.equal([
      PHOTO,
      "http://localhost:8000/p.jpg",
    ]);
  });
});

describe("alertsToForget", () => {
  it("keeps a photo an Update still uses", () => {
    const first = withPhoto("TEST-1", PHOTO);
    const update = withPhoto("TEST-2", PHOTO, {
      sent: "2024-05-01T15:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const before = applyMessages(emptyLifecycleState(), [first], {
      now: NOW,
      feedUrl: "https://feeds.example/a",
    }).state;
    const after = applyMessages(before, [update], {
      now: NOW,
      feedUrl: "https://feeds.example/a",
    }).state;
    expect(alertsToForget(before, after)).to.deep.equal({
      keys: [alertKey(TEST_SENDER, "TEST-1")],
      photoUrls: [],
    });
  });
});

describe("AlertClient forgetting", () => {
  const clients: AlertClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });
  after(stopFeedServer);

  it("forgets a cancelled alert", async () => {
    const name = uniqueFeedName("forget");
    const url = await feedUrl(name);
    const first = withPhoto("TEST-1", PHOTO);
    const other = withPhoto("TEST-OTHER", "https://photos.example/other.png");
    await setFeed(name, { body: capXml(first) });
    const store = new MemoryAlertStore();
    const client = new AlertClient({
      feeds: [url],
      store,
      now: () => NOW,
      intervalMs: 3_600_000,
      languages: ["en"],
      retry: { maxAttempts: 1 },
    });
    clients.push(client);
    const forgotten: ForgetDetail[] = [];
    client.addEventListener("forget", (event) => forgotten.push(event.detail));
    await client.refresh();
    expect(forgotten).to.deep.equal([]);

    const cancel = makeAlert({
      identifier: "TEST-3",
      sent: "2024-05-01T14:50:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first)],
    });
    await setFeed(name, {
      body: `<?xml version="1.0"?><alerts>${capXml(cancel).replace(/^<\?xml[^>]*>/, "")}${capXml(other).replace(/^<\?xml[^>]*>/, "")}</alerts>`,
    });
    await client.refresh();
    expect(forgotten).to.deep.equal([
      { keys: [alertKey(TEST_SENDER, "TEST-1")], photoUrls: [PHOTO] },
    ]);
    const state = await store.load();
    expect([...state.alerts.keys()]).to.deep.equal([
      alertKey(TEST_SENDER, "TEST-OTHER"),
    ]);
    const tombstone = state.tombstones.get(alertKey(TEST_SENDER, "TEST-1"))!;
    expect(Object.keys(tombstone).sort()).to.deep.equal(
      ["endedMs", "identifier", "key", "reason", "sender", "sent"].sort(),
    );
    expect(JSON.stringify([...state.tombstones.values()])).not.to.contain(
      "AMBER",
    );
    expect(JSON.stringify([...state.tombstones.values()])).not.to.contain(
      PHOTO,
    );
  });
});
