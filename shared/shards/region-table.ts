/**
 * The built-in table of countries and first-level subdivisions that shards
 * are cut along. It is small on purpose: the feed tool works offline and
 * ships no geodata.
 *
 * Greece is drawn with boxes: the country and its 13 peripheries (NUTS 2
 * regions EL30 to EL65). The boxes are approximate, drawn by hand a little
 * larger than each region, and overlap. That is safe: a shard contains every
 * alert whose area's box meets the shard's box, so a box that is too large
 * only puts more alerts into the shard, and one that misses a corner of its
 * region sends readers there to the country shard instead.
 *
 * The United States and Canada are listed by geocode only (SAME and UGC
 * state codes, CAP-CP province codes), for readers who follow regions.
 * Places outside the boxes fall back to the grid cells of grid.ts.
 */
import type { Bounds } from "../geo/polygon-index.js";
import type { ShardLevel } from "./feed-index.js";
import type { GeocodeScope } from "./geocode-scope.js";

/** A country or subdivision that can become a shard. */
export interface RegionDefinition {
  id: string;
  level: Exclude<ShardLevel, "grid">;
  /** ISO 3166-1 alpha-2 code, lower case. */
  country: string;
  description: string;
  bounds?: Bounds;
  geocodes: GeocodeScope[];
}

function box(
  minLat: number,
  maxLat: number,
  minLon: number,
  maxLon: number,
): Bounds {
  return { minLat, maxLat, minLon, maxLon };
}

function greekRegion(
  slug: string,
  name: string,
  nuts: string,
  bounds: Bounds,
): RegionDefinition {
  return {
    id: `gr-${slug}`,
    level: "subdivision",
    country: "gr",
    description: `${name}, Greece`,
    bounds,
    geocodes: [{ scheme: "NUTS", prefix: nuts }],
  };
}

const GREECE: RegionDefinition[] = [
  {
    id: "gr",
    level: "country",
    country: "gr",
    description: "Greece",
    bounds: box(34.75, 41.8, 19.3, 29.7),
    geocodes: [{ scheme: "NUTS", prefix: "EL" }],
  },
  greekRegion("attica", "Attica", "EL30", box(35.8, 38.4, 22.8, 24.15)),
  greekRegion(
    "north-aegean",
    "North Aegean",
    "EL41",
    box(37.4, 40.1, 24.9, 27.1),
  ),
  greekRegion(
    "south-aegean",
    "South Aegean",
    "EL42",
    box(35.3, 38.05, 24.2, 29.7),
  ),
  greekRegion("crete", "Crete", "EL43", box(34.75, 35.75, 23.45, 26.35)),
  greekRegion(
    "east-macedonia-thrace",
    "Eastern Macedonia and Thrace",
    "EL51",
    box(40.4, 41.8, 23.6, 26.65),
  ),
  greekRegion(
    "central-macedonia",
    "Central Macedonia",
    "EL52",
    box(39.85, 41.5, 21.8, 24.45),
  ),
  greekRegion(
    "west-macedonia",
    "Western Macedonia",
    "EL53",
    box(39.8, 41.0, 20.9, 22.25),
  ),
  greekRegion("epirus", "Epirus", "EL54", box(38.9, 40.2, 19.95, 21.45)),
  greekRegion("thessaly", "Thessaly", "EL61", box(38.9, 40.15, 21.05, 24.4)),
  greekRegion(
    "ionian-islands",
    "Ionian Islands",
    "EL62",
    box(37.2, 39.95, 19.3, 21.1),
  ),
  greekRegion(
    "west-greece",
    "Western Greece",
    "EL63",
    box(37.3, 39.1, 20.7, 22.45),
  ),
  greekRegion(
    "central-greece",
    "Central Greece",
    "EL64",
    box(37.9, 39.3, 21.4, 24.7),
  ),
  greekRegion(
    "peloponnese",
    "Peloponnese",
    "EL65",
    box(36.3, 38.2, 21.1, 23.35),
  ),
];

/** US states and territories: FIPS code, postal code, name. */
const US_STATES: [string, string, string][] = [
  ["01", "AL", "Alabama"],
  ["02", "AK", "Alaska"],
  ["04", "AZ", "Arizona"],
  ["05", "AR", "Arkansas"],
  ["06", "CA", "California"],
  ["08", "CO", "Colorado"],
  ["09", "CT", "Connecticut"],
  ["10", "DE", "Delaware"],
  ["11", "DC", "District of Columbia"],
  ["12", "FL", "Florida"],
  ["13", "GA", "Georgia"],
  ["15", "HI", "Hawaii"],
  ["16", "ID", "Idaho"],
  ["17", "IL", "Illinois"],
  ["18", "IN", "Indiana"],
  ["19", "IA", "Iowa"],
  ["20", "KS", "Kansas"],
  ["21", "KY", "Kentucky"],
  ["22", "LA", "Louisiana"],
  ["23", "ME", "Maine"],
  ["24", "MD", "Maryland"],
  ["25", "MA", "Massachusetts"],
  ["26", "MI", "Michigan"],
  ["27", "MN", "Minnesota"],
  ["28", "MS", "Mississippi"],
  ["29", "MO", "Missouri"],
  ["30", "MT", "Montana"],
  ["31", "NE", "Nebraska"],
  ["32", "NV", "Nevada"],
  ["33", "NH", "New Hampshire"],
  ["34", "NJ", "New Jersey"],
  ["35", "NM", "New Mexico"],
  ["36", "NY", "New York"],
  ["37", "NC", "North Carolina"],
  ["38", "ND", "North Dakota"],
  ["39", "OH", "Ohio"],
  ["40", "OK", "Oklahoma"],
  ["41", "OR", "Oregon"],
  ["42", "PA", "Pennsylvania"],
  ["44", "RI", "Rhode Island"],
  ["45", "SC", "South Carolina"],
  ["46", "SD", "South Dakota"],
  ["47", "TN", "Tennessee"],
  ["48", "TX", "Texas"],
  ["49", "UT", "Utah"],
  ["50", "VT", "Vermont"],
  ["51", "VA", "Virginia"],
  ["53", "WA", "Washington"],
  ["54", "WV", "West Virginia"],
  ["55", "WI", "Wisconsin"],
  ["56", "WY", "Wyoming"],
  ["60", "AS", "American Samoa"],
  ["66", "GU", "Guam"],
  ["69", "MP", "Northern Mariana Islands"],
  ["72", "PR", "Puerto Rico"],
  ["78", "VI", "U.S. Virgin Islands"],
];

/** Canadian provinces and territories: SGC code, postal abbreviation, name. */
const CANADIAN_PROVINCES: [string, string, string][] = [
  ["10", "NL", "Newfoundland and Labrador"],
  ["11", "PE", "Prince Edward Island"],
  ["12", "NS", "Nova Scotia"],
  ["13", "NB", "New Brunswick"],
  ["24", "QC", "Quebec"],
  ["35", "ON", "Ontario"],
  ["46", "MB", "Manitoba"],
  ["47", "SK", "Saskatchewan"],
  ["48", "AB", "Alberta"],
  ["59", "BC", "British Columbia"],
  ["60", "YT", "Yukon"],
  ["61", "NT", "Northwest Territories"],
  ["62", "NU", "Nunavut"],
];

const UNITED_STATES: RegionDefinition[] = [
  {
    id: "us",
    level: "country",
    country: "us",
    description: "United States",
    geocodes: [
      { scheme: "SAME", prefix: "" },
      { scheme: "UGC", prefix: "" },
    ],
  },
  ...US_STATES.map(([fips, postal, name]): RegionDefinition => ({
    id: `us-${postal.toLowerCase()}`,
    level: "subdivision",
    country: "us",
    description: `${name}, United States`,
    geocodes: [
      { scheme: "SAME", prefix: fips },
      { scheme: "UGC", prefix: postal },
    ],
  })),
];

const CANADA: RegionDefinition[] = [
  {
    id: "ca",
    level: "country",
    country: "ca",
    description: "Canada",
    geocodes: [{ scheme: "CAP-CP", prefix: "" }],
  },
  ...CANADIAN_PROVINCES.map(([code, postal, name]): RegionDefinition => ({
    id: `ca-${postal.toLowerCase()}`,
    level: "subdivision",
    country: "ca",
    description: `${name}, Canada`,
    geocodes: [{ scheme: "CAP-CP", prefix: code }],
  })),
];

/** Every region of the built-in table. */
export const REGION_TABLE: readonly RegionDefinition[] = [
  ...GREECE,
  ...UNITED_STATES,
  ...CANADA,
];

/** NUTS country codes that differ from ISO 3166-1: Greece is EL and the United Kingdom UK. */
const NUTS_TO_ISO: Record<string, string> = { EL: "gr", UK: "gb" };

/**
 * Returns the regions for a NUTS code of a country outside the table: the
 * country (its first two letters) and, for a longer code, its NUTS 1
 * region (three characters) as the first-level subdivision. Returns an
 * empty list for a country the table has, whose own regions apply.
 */
export function nutsRegions(code: string): RegionDefinition[] {
  const countryCode = code.slice(0, 2);
  const country = NUTS_TO_ISO[countryCode] ?? countryCode.toLowerCase();
  if (REGION_TABLE.some((region) => region.country === country)) return [];
  const regions: RegionDefinition[] = [
    {
      id: country,
      level: "country",
      country,
      description: `NUTS region ${countryCode}`,
      geocodes: [{ scheme: "NUTS", prefix: countryCode }],
    },
  ];
  if (code.length >= 3) {
    const nuts1 = code.slice(0, 3);
    regions.push({
      id: `${country}-nuts-${nuts1.toLowerCase()}`,
      level: "subdivision",
      country,
      description: `NUTS region ${nuts1}`,
      geocodes: [{ scheme: "NUTS", prefix: nuts1 }],
    });
  }
  return regions;
}
