import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import {
  importPrivateKeyJwk,
  publicKeyOfJwk,
} from "../../shared/signing/feed-keys.js";
import {
  SIGNATURE_SUFFIX,
  signFeedBytes,
} from "../../shared/signing/sign-feed.js";
import { verifyFeedSignature } from "../../shared/signing/verify-feed-signature.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../command.js";
import { EXIT_INVALID, EXIT_OK, UsageError } from "../exit-status.js";
import { listFiles } from "../list-files.js";

const HELP = `Usage: child-alert-feed sign DIR --key FILE

Writes a detached signature FILE.sig next to every file in DIR and its
subdirectories (except .sig files and names starting with "."): one line,
the base64 of the Ed25519 signature over the exact bytes of FILE.
Sign after the last change to the files: one changed byte invalidates a
signature. Each signature is checked with the key's public part before
the command ends.

  --key FILE   the private key that "child-alert-feed keygen" wrote (JWK)
  -h, --help   print this help

Exit status: 0 on success, 1 when a signature fails its check,
2 on a usage error or an unreadable key.`;

export const signCommand: Command = {
  name: "sign",
  summary: "write a detached Ed25519 signature FILE.sig for each feed file",
  help: HELP,
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(args, {
      key: { type: "string" },
    });
    if (values.help) {
      output.out(HELP);
      return EXIT_OK;
    }
    if (positionals.length !== 1) {
      throw new UsageError("sign needs exactly one DIR");
    }
    if (values.key === undefined) throw new UsageError("sign needs --key FILE");
    const directory = positionals[0]!;
    let keyText: string;
    try {
      keyText = readFileSync(values.key, "utf8");
    } catch (error) {
      throw new UsageError(
        `cannot read the key ${values.key}: ${(error as Error).message}`,
      );
    }
    let privateKey;
    let publicKey: string;
    try {
      privateKey = await importPrivateKeyJwk(keyText);
      publicKey = publicKeyOfJwk(keyText);
    } catch (error) {
      throw new UsageError(`${values.key}: ${(error as Error).message}`);
    }

    const files = listFiles([directory]).filter(
      (file) => !file.endsWith(SIGNATURE_SUFFIX),
    );
    let failures = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const signature = await signFeedBytes(bytes, privateKey);
      const check = await verifyFeedSignature(bytes, signature, publicKey);
      if (!check.valid) {
        failures += 1;
        output.err(
          `${file}: the new signature failed its check: ${check.message}`,
        );
        continue;
      }
      writeFileSync(`${file}${SIGNATURE_SUFFIX}`, signature);
      output.err(`signed ${relative(directory, file)}`);
    }
    output.out(
      `Signed ${files.length - failures} of ${files.length} files in ${directory} with public key ${publicKey}.`,
    );
    return failures > 0 ? EXIT_INVALID : EXIT_OK;
  },
};
