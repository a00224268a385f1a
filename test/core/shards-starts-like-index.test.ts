import { expect } from "chai";
import { startsLikeIndex } from "../../shared/shards/client/starts-like-index.js";

/** A response whose body arrives in `count` chunks of 4 KiB of `fill`. */
function chunkedResponse(head: string, fill: string, count: number): Response {
  const encoder = new TextEncoder();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const text = sent === 0 ? head : fill.repeat(4096);
      controller.enqueue(encoder.encode(text));
      sent += 1;
      if (sent === count) controller.close();
    },
  });
  return new Response(body);
}

describe("startsLikeIndex", () => {
  it("recognises an index by its first bytes", async () => {
    const response = chunkedResponse(
      '{ "format": "child-alert-feed-index", ',
      " ",
      3,
    );
    expect(await startsLikeIndex(response)).to.equal(true);
  });

  it("passes over a feed that is not an index", async () => {
    const response = chunkedResponse("<alert>", " ", 3);
    expect(await startsLikeIndex(response)).to.equal(false);
  });

  it("settles on a clone of a long body, which stays readable", async () => {
    // The clone's branch is cancelled while the original's is unread.
    const response = chunkedResponse("<feed>", "x", 4);
    expect(await startsLikeIndex(response.clone())).to.equal(false);
    const text = await response.text();
    expect(text).to.have.length("<feed>".length + 3 * 4096);
  });
});
