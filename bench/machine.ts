/** The machine a benchmark ran on, for the report. */
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${osName()}, Linux ${release()}`,
    node: process.version,
  };
}

/** The 1, 5 and 15-minute load averages. */
export function loadAverage(): [number, number, number] {
  const [one, five, fifteen] = loadavg();
  return [one ?? 0, five ?? 0, fifteen ?? 0];
}

function osName(): string {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1] ?? "unknown OS";
  } catch {
    return "unknown OS";
  }
}
