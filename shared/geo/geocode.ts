/**
 * Matching alert geocodes against the regions a reader chose, such as
 * `SAME:006037` or `profile:CAP-CP:Location:0.3:3506008`.
 */
import type { CapArea, CapValuePair } from "../model/cap.js";

/**
 * Geocode schemes whose values are 6-digit codes PSSCCC: P is a subdivision
 * of the county (0 for the whole county), SS the state and CCC the county
 * (FIPS 6-4), as used by the US Emergency Alert System.
 */
const COUNTY_SUBDIVISION_SCHEMES = new Set(["same", "fips6"]);

const COUNTY_CODE = /^\d{6}$/;

/**
 * Parses a reader's region written `valueName:value`. The valueName may
 * itself contain colons (`profile:CAP-CP:Location:0.3:3506008`), so the text
 * is split at the last colon. Returns null when there is no colon or either
 * part is empty after trimming.
 */
export function parseRegion(text: string): CapValuePair | null {
  const separator = text.lastIndexOf(":");
  if (separator < 0) return null;
  const valueName = text.slice(0, separator).trim();
  const value = text.slice(separator + 1).trim();
  if (valueName === "" || value === "") return null;
  return { valueName, value };
}

/**
 * Tests whether an alert's geocode matches a reader's region. The valueNames
 * are compared trimmed and case-insensitively, the values trimmed and
 * exactly.
 *
 * For SAME and FIPS6 codes (PSSCCC), a whole county (P = 0) matches any of
 * its subdivisions in either direction: a reader's `SAME:006037` matches an
 * alert for `SAME:106037`, and a reader's `SAME:106037` matches an alert for
 * `SAME:006037`, because the county alert covers the subdivision. Two
 * different subdivisions of one county (`106037`, `206037`) do not match.
 */
export function geocodeMatches(
  alertCode: CapValuePair,
  region: CapValuePair,
): boolean {
  if (typeof alertCode.valueName !== "string") return false;
  if (typeof alertCode.value !== "string") return false;
  const valueName = alertCode.valueName.trim().toLowerCase();
  if (valueName !== region.valueName.trim().toLowerCase()) return false;

  const alertValue = alertCode.value.trim();
  const regionValue = region.value.trim();
  if (alertValue === regionValue) return true;

  if (
    COUNTY_SUBDIVISION_SCHEMES.has(valueName) &&
    COUNTY_CODE.test(alertValue) &&
    COUNTY_CODE.test(regionValue)
  ) {
    const sameCounty = alertValue.slice(1) === regionValue.slice(1);
    const eitherIsWholeCounty = alertValue[0] === "0" || regionValue[0] === "0";
    return sameCounty && eitherIsWholeCounty;
  }
  return false;
}

/** Tests whether any geocode of the area matches any of the reader's regions. */
export function areaConcernsRegions(
  area: CapArea,
  regions: readonly CapValuePair[],
): boolean {
  for (const geocode of area.geocode) {
    for (const region of regions) {
      if (geocodeMatches(geocode, region)) return true;
    }
  }
  return false;
}
