/**
 * Polling-cost benchmark: runs scripts/simulate-clients.ts (the method of
 * docs/scaling.md) with no feed change, so every counted poll is a poll of
 * an unchanged feed, and reads its result table. The simulation counts
 * bytes on the clients' sockets, headers included.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(
  new URL("../../scripts/simulate-clients.ts", import.meta.url),
);

export interface PollingSettings {
  clients: number;
  polls: number;
  intervalMs: number;
}

export interface PollingMode {
  mode: string;
  requests: number;
  notModified: number;
  requestsPerPoll: number;
  /** What the server sent per poll, headers included, as printed ("398 B", "147.4 kB"). */
  egressPerPoll: string;
  /** Response body bytes per poll, as printed. */
  bodyPerPoll: string;
}

export interface PollingResults {
  settings: PollingSettings;
  /** The simulation's description of the feed set. */
  feedSet: string;
  modes: PollingMode[];
  command: string;
}

export function benchPolling(settings: PollingSettings): PollingResults {
  const args = [
    "--import",
    "tsx",
    SCRIPT,
    "--clients",
    String(settings.clients),
    "--polls",
    String(settings.polls),
    "--interval-ms",
    String(settings.intervalMs),
    "--changes",
    "0",
  ];
  const result = spawnSync(process.execPath, args, {
    encoding: "utf8",
    timeout: 300_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `scripts/simulate-clients.ts exited with ${result.status}: ${result.stderr.slice(-500)}`,
    );
  }
  const lines = result.stdout.split("\n");
  const feedSet = lines.find((line) => line.startsWith("Feed set:")) ?? "";
  const modes: PollingMode[] = [];
  for (const line of lines) {
    // | mode | requests | 304s | errors | req/s | latency | requests per poll | egress per poll | body bytes per poll | ...
    const cells = line.split("|").map((cell) => cell.trim());
    if (cells.length < 12 || !/^(all|shards)-/.test(cells[1] ?? "")) continue;
    if (modes.some((mode) => mode.mode === cells[1])) continue;
    modes.push({
      mode: cells[1]!,
      requests: Number(cells[2]),
      notModified: Number(cells[3]),
      requestsPerPoll: Number(cells[7]),
      egressPerPoll: cells[8]!,
      bodyPerPoll: cells[9]!,
    });
  }
  if (modes.length !== 4) {
    throw new Error(
      `Expected 4 modes in the output of scripts/simulate-clients.ts, found ${modes.length}`,
    );
  }
  return {
    settings,
    feedSet,
    modes,
    command: `npx tsx scripts/simulate-clients.ts --clients ${settings.clients} --polls ${settings.polls} --interval-ms ${settings.intervalMs} --changes 0`,
  };
}
