import { expect } from "chai";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildDemoAlert,
  STANDING_ALERTS,
} from "../../demo/feeds/demo-alerts.js";
import { writeCapDocument } from "../../shared/formats/write-cap-xml.js";
import { verifyFeedSignature } from "../../shared/signing/verify-feed-signature.js";
import {
  removeTemporaryDirectories,
  runCli,
  temporaryDirectory,
} from "../helpers/run-cli.js";

const NOW = Date.parse("2026-12-04T16:00:00Z");

/** Builds the demo feed set into a new folder and returns the folder. */
function builtFeedSet(): string {
  const source = temporaryDirectory();
  for (const spec of STANDING_ALERTS) {
    const alert = buildDemoAlert(spec, NOW, "https://hotline.example");
    writeFileSync(
      join(source, `${spec.identifier}.xml`),
      writeCapDocument(alert),
    );
  }
  const out = join(temporaryDirectory(), "feeds");
  const result = runCli([
    "build",
    source,
    "--out",
    out,
    "--now",
    "2026-12-04T18:00:00+02:00",
  ]);
  expect(result.status, result.stderr).to.equal(0);
  return out;
}

/** Generates a key pair with the tool and returns the two file paths. */
function keyPair(): { privateKey: string; publicKey: string } {
  const folder = temporaryDirectory();
  const privateKey = join(folder, "feed-key.jwk");
  const publicKey = join(folder, "feed-key.pub");
  const result = runCli([
    "keygen",
    "--out-private",
    privateKey,
    "--out-public",
    publicKey,
  ]);
  expect(result.status, result.stderr).to.equal(0);
  return { privateKey, publicKey };
}

describe("cli: keygen and sign", () => {
  after(removeTemporaryDirectories);

  it("writes an Ed25519 key pair", () => {
    const { privateKey, publicKey } = keyPair();
    const jwk = JSON.parse(readFileSync(privateKey, "utf8")) as Record<
      string,
      unknown
    >;
    expect(jwk).to.include({ kty: "OKP", crv: "Ed25519" });
    expect(jwk["d"]).to.be.a("string");
    expect(statSync(privateKey).mode & 0o777).to.equal(0o600);
    const publicText = readFileSync(publicKey, "utf8");
    expect(publicText).to.match(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(Buffer.from(publicText, "base64").toString("base64url")).to.equal(
      jwk["x"],
    );
  });

  it("signs every file that verifies", async () => {
    const out = builtFeedSet();
    const { privateKey, publicKey } = keyPair();
    const result = runCli(["sign", out, "--key", privateKey]);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.contain("Signed 31 of 31 files");

    const key = readFileSync(publicKey, "utf8");
    const feeds = readdirSync(out).filter((name) => !name.endsWith(".sig"));
    expect(feeds).to.include("index.json");
    for (const name of feeds) {
      const signature = readFileSync(join(out, `${name}.sig`), "utf8");
      const check = await verifyFeedSignature(
        readFileSync(join(out, name)),
        signature,
        key,
      );
      expect(check, name).to.deep.equal({ valid: true });
    }
  });

  it("validates a signed feed set", () => {
    const out = builtFeedSet();
    const { privateKey } = keyPair();
    expect(runCli(["sign", out, "--key", privateKey]).status).to.equal(0);
    const result = runCli(["validate", out]);
    expect(result.status, result.stdout).to.equal(0);
    expect(result.stdout).to.match(
      /^31 files, 22 alerts: 0 errors, \d+ warnings$/m,
    );
    expect(result.stdout).not.to.contain(".sig:");
  });

  it("signs again without signing signatures", () => {
    const out = builtFeedSet();
    const { privateKey } = keyPair();
    expect(runCli(["sign", out, "--key", privateKey]).status).to.equal(0);
    expect(runCli(["sign", out, "--key", privateKey]).status).to.equal(0);
    expect(
      readdirSync(out).filter((name) => name.endsWith(".sig.sig")),
    ).to.deep.equal([]);
  });

  it("makes signatures that catch tampering", async () => {
    const out = builtFeedSet();
    const { privateKey, publicKey } = keyPair();
    expect(runCli(["sign", out, "--key", privateKey]).status).to.equal(0);
    const bytes = readFileSync(join(out, "gr-attica.json"));
    const tampered = Buffer.from(
      bytes.toString("utf8").replace("DEMO-ATH-0001", "DEMO-ATH-0009"),
    );
    const check = await verifyFeedSignature(
      tampered,
      readFileSync(join(out, "gr-attica.json.sig"), "utf8"),
      readFileSync(publicKey, "utf8"),
    );
    expect(check).to.include({ valid: false, reason: "mismatch" });
  });

  it("keeps existing keys unless --force", () => {
    const { privateKey, publicKey } = keyPair();
    const before = readFileSync(privateKey, "utf8");
    const again = runCli([
      "keygen",
      "--out-private",
      privateKey,
      "--out-public",
      publicKey,
    ]);
    expect(again.status).to.equal(2);
    expect(again.stderr).to.contain(`${privateKey} already exists`);
    expect(readFileSync(privateKey, "utf8")).to.equal(before);
    const forced = runCli([
      "keygen",
      "--out-private",
      privateKey,
      "--out-public",
      publicKey,
      "--force",
    ]);
    expect(forced.status).to.equal(0);
    expect(readFileSync(privateKey, "utf8")).not.to.equal(before);
  });

  it("rejects a public key for signing", () => {
    const out = builtFeedSet();
    const { privateKey } = keyPair();
    const jwk = JSON.parse(readFileSync(privateKey, "utf8")) as Record<
      string,
      unknown
    >;
    delete jwk["d"];
    const publicJwk = join(temporaryDirectory(), "public.jwk");
    writeFileSync(publicJwk, JSON.stringify(jwk));
    const result = runCli(["sign", out, "--key", publicJwk]);
    expect(result.status).to.equal(2);
    expect(result.stderr).to.contain('The key has no private part ("d")');
    expect(
      readdirSync(out).filter((name) => name.endsWith(".sig")),
    ).to.deep.equal([]);
  });

  it("exits 2 on usage errors", () => {
    const cases: [string[], string][] = [
      [
        ["keygen", "--out-private", "a.jwk"],
        "keygen needs --out-private FILE and --out-public FILE",
      ],
      [
        ["keygen", "--out-private", "a", "--out-public", "a"],
        "must be different files",
      ],
      [["sign", "--key", "k"], "sign needs exactly one DIR"],
      [["sign", "."], "sign needs --key FILE"],
      [
        ["sign", ".", "--key", "no-such-key.jwk"],
        "cannot read the key no-such-key.jwk",
      ],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args, temporaryDirectory());
      expect(result.status, args.join(" ")).to.equal(2);
      expect(result.stderr, args.join(" ")).to.contain(message);
    }
  });
});
