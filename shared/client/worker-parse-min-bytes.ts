/**
 * The body size from which the client parses in a worker, in a module of
 * its own so that a client can make that choice without loading the
 * worker code (parse-feed-body.ts).
 */

/**
 * Smallest body parsed in a worker: 512 KiB.
 *
 * Measured with scripts/bench-parse-size.ts on generated CAP feeds, in
 * headless Chromium 156 on a 2-vCPU AMD EPYC virtual machine. Over three
 * runs, the median of seven parses took 19-36 ms for 512 KiB, 33-71 ms
 * for 1 MiB and 182-253 ms for 5 MiB on the main thread. The Long Tasks
 * API counts a task of 50 ms or more as long, one that delays the page's
 * response to input (MDN, PerformanceLongTaskTiming), and a phone is,
 * by estimate, several times slower than this machine. So bodies from
 * half a megabyte up go to a worker. Smaller ones stay on the calling
 * thread, which spares starting a worker, loading the parser into it and
 * copying the result back.
 */
export const WORKER_PARSE_MIN_BYTES = 512 * 1024;
