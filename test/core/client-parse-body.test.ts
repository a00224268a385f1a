import { expect } from "chai";
import {
  parseFeedBody,
  WORKER_PARSE_MIN_BYTES,
} from "../../shared/client/parse-feed-body.js";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import { generatedFeed } from "../helpers/generated-feed.js";

describe("parseFeedBody", () => {
  const large = new TextEncoder().encode(generatedFeed(WORKER_PARSE_MIN_BYTES));

  it("parses on the calling thread without a worker URL", async () => {
    const parsed = await parseFeedBody(large, {});
    expect(parsed.parsedIn).to.equal("calling-thread");
    expect(parsed.workerError).to.equal(undefined);
    expect(parsed.result).to.deep.equal(parseFeed(large));
    expect(parsed.result.alerts.length).to.be.above(100);
  });

  it("parses a small body on the calling thread", async () => {
    const small = new TextEncoder().encode(generatedFeed(1000));
    const parsed = await parseFeedBody(
      small,
      {},
      {
        workerUrl: "https://unused.example/worker.js",
      },
    );
    expect(parsed.parsedIn).to.equal("calling-thread");
    expect(parsed.workerError).to.equal(undefined);
  });
});
