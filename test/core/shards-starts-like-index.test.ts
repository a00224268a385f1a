import { expect } from "chai";
import { startsLikeIndex } from "../../shared/shards/client/starts-like-index.js";

/** Builds a response whose body is `head`, then `count - 1` chunks of 4 KiB of `fill`. */
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
  it("recognises an index", async () => {
    const response = chunkedResponse(
      '{ "format": "child-alert-feed-index", ',
      " ",
      3,
    );
    expect(await startsLikeIndex(response)).to.equal(true);
  });

  it("rejects a plain feed", async () => {
    const response = chunkedResponse("<alert>", " ", 3);
    expect(await startsLikeIndex(response)).to.equal(false);
  });

  it("settles on a long clone", async () => {
    // The clone's branch is cancelled while the original's is unread.
    const response = chunkedResponse("<feed>", "x", 4);
    expect(await startsLikeIndex(response.clone())).to.equal(false);
    const text = await response.text();
    expect(text).to.have.length("<feed>".length + 3 * 4096);
  });
});
