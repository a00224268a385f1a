/**
 * Geocode scopes: the part of a geocode scheme that a shard covers, written
 * as a prefix of the code, so that a shard can list "every NUTS code that
 * starts with EL30" instead of every code of Attica.
 *
 * Schemes, by the geocode's `valueName` (compared without case):
 * - NUTS (`NUTS`, `NUTS1`, `NUTS2`, `NUTS3`): Eurostat NUTS codes, whose
 *   first two letters are the country (EL for Greece) and each further
 *   character one level down (EL3 Attica, EL30 Attica, EL303 Central Athens).
 * - SAME (`SAME`, `FIPS6`): 6-digit PSSCCC codes, where SS is the US state's
 *   FIPS code; the prefix applies to SSCCC, so "48" is Texas. The state
 *   code 00 means the whole country.
 * - CAP-CP (`profile:CAP-CP:Location:…`, any version): Statistics Canada
 *   SGC codes, whose first two digits are the province or territory.
 * - UGC (`UGC`): US National Weather Service zone and county codes such as
 *   TXZ211, whose first two letters are the state.
 * An empty prefix covers the whole scheme.
 */
import type { CapValuePair } from "../model/cap.js";

export type GeocodeScheme = "NUTS" | "SAME" | "CAP-CP" | "UGC";

const SCHEMES: readonly GeocodeScheme[] = ["NUTS", "SAME", "CAP-CP", "UGC"];

/** A shard's part of one geocode scheme: every code that starts with `prefix`. */
export interface GeocodeScope {
  scheme: GeocodeScheme;
  prefix: string;
}

/** A geocode read in its scheme: the scheme and the code compared with prefixes. */
export interface SchemeCode {
  scheme: GeocodeScheme;
  code: string;
}

export function isGeocodeScheme(value: unknown): value is GeocodeScheme {
  return SCHEMES.includes(value as GeocodeScheme);
}

/**
 * Reads a geocode in the scheme its valueName names. Returns null for a
 * scheme not listed above, or a value that is not a code of that scheme.
 */
export function readSchemeCode(geocode: CapValuePair): SchemeCode | null {
  if (typeof geocode.valueName !== "string") return null;
  if (typeof geocode.value !== "string") return null;
  const valueName = geocode.valueName.trim().toLowerCase();
  const value = geocode.value.trim().toUpperCase();
  if (/^nuts[0-3]?$/.test(valueName)) {
    return /^[A-Z]{2}[A-Z0-9]{0,3}$/.test(value)
      ? { scheme: "NUTS", code: value }
      : null;
  }
  if (valueName === "same" || valueName === "fips6") {
    return /^\d{6}$/.test(value)
      ? { scheme: "SAME", code: value.slice(1) }
      : null;
  }
  if (valueName.startsWith("profile:cap-cp:location")) {
    return /^\d{2,}$/.test(value) ? { scheme: "CAP-CP", code: value } : null;
  }
  if (valueName === "ugc") {
    return /^[A-Z]{2}[CZ]\d{3}$/.test(value)
      ? { scheme: "UGC", code: value }
      : null;
  }
  return null;
}

/** Tests whether a code lies inside the scope: a reader with this region is served by the shard. */
export function scopeCovers(scope: GeocodeScope, code: SchemeCode): boolean {
  return scope.scheme === code.scheme && code.code.startsWith(scope.prefix);
}

/**
 * Tests whether a code and the scope overlap: the code lies inside the
 * scope, or names a larger region that contains it (NUTS "EL" touches the
 * scope "EL30"). An alert with such a geocode belongs in the shard.
 */
export function scopeTouches(scope: GeocodeScope, code: SchemeCode): boolean {
  if (scope.scheme !== code.scheme) return false;
  if (code.code.startsWith(scope.prefix)) return true;
  if (code.scheme === "SAME") return code.code.startsWith("00");
  if (code.scheme === "UGC") return false;
  return scope.prefix.startsWith(code.code);
}
