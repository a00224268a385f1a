/**
 * Builds the demo's signed, sharded feed with the publisher's tool
 * (`child-alert-feed build`, `keygen`, `sign`), from the demo's standing
 * alerts, into dist/demo-signed/:
 *
 * - genuine/: the feed set as published, every file with its `.sig`;
 * - tampered/: a copy in which each shard's text was changed after signing,
 *   so that clients reject it;
 * - feed-key.pub: the public key, which the demo site is built with.
 *
 * The key pair is generated for each build in a temporary folder, and the
 * private key is deleted once the files are signed, so no key is ever
 * committed. Alert times count from the build, so rebuild for current
 * alerts (`npm start` does).
 *
 * Run from the repository root: `tsx demo/build/build-signed-feed.ts`.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PROCESS_OUTPUT } from "../../cli/output.js";
import { runCommandLine } from "../../cli/run-command.js";
import { writeCapDocument } from "../../shared/formats/write-cap-xml.js";
import { buildDemoAlert, STANDING_ALERTS } from "../feeds/demo-alerts.js";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = join(ROOT, "dist/demo-signed");

/**
 * Origin written into the alerts. The feed is built before any server's
 * address is known, so links and photos, which need the server's origin,
 * are left out of this copy of the alerts.
 */
const BUILD_ORIGIN = "https://demo.child-alert.example";

/** The text changed in the tampered copy: one character of each headline's "DEMO". */
const TAMPER_FROM = "DEMO alert";
const TAMPER_TO = "DEMO Alert";

async function run(argv: string[]): Promise<void> {
  const status = await runCommandLine(argv, PROCESS_OUTPUT);
  if (status !== 0) {
    throw new Error(
      `child-alert-feed ${argv[0]} exited with status ${status}.`,
    );
  }
}

const work = mkdtempSync(join(tmpdir(), "child-alert-demo-feed-"));
try {
  const sources = join(work, "alerts");
  mkdirSync(sources);
  rmSync(OUT, { recursive: true, force: true });
  const now = Date.now();
  for (const spec of STANDING_ALERTS) {
    const alert = buildDemoAlert(spec, now, BUILD_ORIGIN);
    for (const info of alert.info) {
      delete info.web;
      info.resource = [];
    }
    writeFileSync(
      join(sources, `${spec.identifier.toLowerCase()}.xml`),
      writeCapDocument(alert),
    );
  }

  const genuine = join(OUT, "genuine");
  const privateKey = join(work, "feed-key.jwk");
  await run(["build", sources, "--out", genuine]);
  await run([
    "keygen",
    "--out-private",
    privateKey,
    "--out-public",
    join(OUT, "feed-key.pub"),
  ]);
  await run(["sign", genuine, "--key", privateKey]);

  const tampered = join(OUT, "tampered");
  cpSync(genuine, tampered, { recursive: true });
  let changed = 0;
  for (const name of readdirSync(tampered)) {
    if (name === "index.json" || !/\.(json|atom)$/.test(name)) continue;
    const path = join(tampered, name);
    const text = readFileSync(path, "utf8");
    if (!text.includes(TAMPER_FROM)) continue;
    writeFileSync(path, text.replaceAll(TAMPER_FROM, TAMPER_TO));
    changed += 1;
  }
  if (changed === 0) {
    throw new Error(`No shard contains "${TAMPER_FROM}" to tamper with.`);
  }
  console.log(
    `demo signed feed: ${genuine}, and ${changed} tampered shard files in ${tampered}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
