import type { PrecacheFile } from "./install-partner-sw.js";

/**
 * Files to precache, with revisions, written into the worker by its build
 * (see vite.partner.config.ts): relative to the widget's folder for the
 * partner worker.
 */
declare const __CHILD_ALERT_PRECACHE__: PrecacheFile[];

export const PRECACHE_FILES: PrecacheFile[] = __CHILD_ALERT_PRECACHE__;
