import { existsSync, writeFileSync } from "node:fs";
import {
  exportPrivateKeyJwk,
  exportPublicKeyBase64,
  generateFeedKeyPair,
} from "../../shared/signing/feed-keys.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../command.js";
import { EXIT_OK, UsageError } from "../exit-status.js";

const HELP = `Usage: child-alert-feed keygen --out-private FILE --out-public FILE [--force]

Generates an Ed25519 key pair for signing feeds, with Web Crypto.

  --out-private FILE  where to write the private key, as a JSON Web Key
                      (RFC 8037), readable by its owner only (mode 600).
                      Keep it secret: whoever has it can sign feeds.
  --out-public FILE   where to write the public key: one line, the base64 of
                      its 32 bytes. Give it to the sites and apps that show
                      your feed (the client's feedKeys option, the widget's
                      key attribute).
  --force             overwrite existing files
  -h, --help          print this help

Exit status: 0 on success, 2 on a usage error or an existing file.`;

export const keygenCommand: Command = {
  name: "keygen",
  summary: "generate an Ed25519 key pair for signing feeds",
  help: HELP,
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(args, {
      "out-private": { type: "string" },
      "out-public": { type: "string" },
      force: { type: "boolean" },
    });
    if (values.help) {
      output.out(HELP);
      return EXIT_OK;
    }
    const privatePath = values["out-private"];
    const publicPath = values["out-public"];
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument "${positionals[0]}"`);
    }
    if (privatePath === undefined || publicPath === undefined) {
      throw new UsageError(
        "keygen needs --out-private FILE and --out-public FILE",
      );
    }
    if (privatePath === publicPath) {
      throw new UsageError(
        "--out-private and --out-public must be different files",
      );
    }
    if (!values.force) {
      for (const path of [privatePath, publicPath]) {
        if (existsSync(path)) {
          throw new UsageError(
            `${path} already exists; choose another name, or add --force to overwrite it`,
          );
        }
      }
    }

    const pair = await generateFeedKeyPair();
    const privateJwk = await exportPrivateKeyJwk(pair.privateKey);
    const publicKey = await exportPublicKeyBase64(pair.publicKey);
    writeFileSync(privatePath, `${JSON.stringify(privateJwk, null, 2)}\n`, {
      mode: 0o600,
    });
    writeFileSync(publicPath, `${publicKey}\n`);
    output.err(
      `Wrote the private key to ${privatePath} and the public key to ${publicPath}.`,
    );
    output.out(publicKey);
    return EXIT_OK;
  },
};
