/**
 * A small gazetteer for typing a place instead of clicking the map: the
 * larger towns of Greece and the capitals of the EU member states. Names
 * are given in English and, for Greece, in Greek. The coordinates are of
 * the town centre, rounded to three decimals (about 100 m), which is far
 * finer than the distances the person chooses around them.
 */

export interface GazetteerPlace {
  /** Names a person may type, English first. */
  names: readonly string[];
  /** ISO 3166-1 alpha-2 code of the country. */
  country: string;
  lat: number;
  lon: number;
}

export const GAZETTEER: readonly GazetteerPlace[] = [
  // Greece
  { names: ["Athens", "Αθήνα"], country: "GR", lat: 37.984, lon: 23.728 },
  {
    names: ["Thessaloniki", "Θεσσαλονίκη"],
    country: "GR",
    lat: 40.64,
    lon: 22.944,
  },
  { names: ["Patras", "Πάτρα"], country: "GR", lat: 38.247, lon: 21.735 },
  { names: ["Piraeus", "Πειραιάς"], country: "GR", lat: 37.943, lon: 23.647 },
  { names: ["Heraklion", "Ηράκλειο"], country: "GR", lat: 35.339, lon: 25.144 },
  { names: ["Larissa", "Λάρισα"], country: "GR", lat: 39.639, lon: 22.419 },
  { names: ["Volos", "Βόλος"], country: "GR", lat: 39.362, lon: 22.942 },
  { names: ["Ioannina", "Ιωάννινα"], country: "GR", lat: 39.665, lon: 20.854 },
  { names: ["Chania", "Χανιά"], country: "GR", lat: 35.514, lon: 24.018 },
  { names: ["Kavala", "Καβάλα"], country: "GR", lat: 40.938, lon: 24.413 },
  { names: ["Kalamata", "Καλαμάτα"], country: "GR", lat: 37.039, lon: 22.114 },
  { names: ["Rhodes", "Ρόδος"], country: "GR", lat: 36.434, lon: 28.218 },
  {
    names: ["Alexandroupoli", "Αλεξανδρούπολη"],
    country: "GR",
    lat: 40.846,
    lon: 25.874,
  },
  { names: ["Serres", "Σέρρες"], country: "GR", lat: 41.086, lon: 23.548 },
  { names: ["Trikala", "Τρίκαλα"], country: "GR", lat: 39.556, lon: 21.768 },
  { names: ["Lamia", "Λαμία"], country: "GR", lat: 38.899, lon: 22.434 },
  { names: ["Komotini", "Κομοτηνή"], country: "GR", lat: 41.122, lon: 25.407 },
  { names: ["Xanthi", "Ξάνθη"], country: "GR", lat: 41.135, lon: 24.888 },
  { names: ["Chalkida", "Χαλκίδα"], country: "GR", lat: 38.464, lon: 23.603 },
  { names: ["Katerini", "Κατερίνη"], country: "GR", lat: 40.272, lon: 22.503 },
  { names: ["Agrinio", "Αγρίνιο"], country: "GR", lat: 38.621, lon: 21.408 },
  { names: ["Drama", "Δράμα"], country: "GR", lat: 41.15, lon: 24.147 },
  { names: ["Veria", "Βέροια"], country: "GR", lat: 40.523, lon: 22.203 },
  { names: ["Kozani", "Κοζάνη"], country: "GR", lat: 40.301, lon: 21.789 },
  { names: ["Tripoli", "Τρίπολη"], country: "GR", lat: 37.509, lon: 22.379 },
  { names: ["Corfu", "Κέρκυρα"], country: "GR", lat: 39.624, lon: 19.922 },
  { names: ["Mytilene", "Μυτιλήνη"], country: "GR", lat: 39.105, lon: 26.555 },
  {
    names: ["Ermoupoli", "Ερμούπολη"],
    country: "GR",
    lat: 37.444,
    lon: 24.942,
  },
  // Capitals of the EU member states
  { names: ["Amsterdam"], country: "NL", lat: 52.368, lon: 4.904 },
  { names: ["Berlin"], country: "DE", lat: 52.52, lon: 13.405 },
  { names: ["Bratislava"], country: "SK", lat: 48.149, lon: 17.108 },
  {
    names: ["Brussels", "Bruxelles", "Brussel"],
    country: "BE",
    lat: 50.85,
    lon: 4.352,
  },
  {
    names: ["Bucharest", "București"],
    country: "RO",
    lat: 44.427,
    lon: 26.103,
  },
  { names: ["Budapest"], country: "HU", lat: 47.498, lon: 19.04 },
  {
    names: ["Copenhagen", "København"],
    country: "DK",
    lat: 55.676,
    lon: 12.568,
  },
  {
    names: ["Dublin", "Baile Átha Cliath"],
    country: "IE",
    lat: 53.35,
    lon: -6.26,
  },
  {
    names: ["Helsinki", "Helsingfors"],
    country: "FI",
    lat: 60.17,
    lon: 24.938,
  },
  { names: ["Lisbon", "Lisboa"], country: "PT", lat: 38.722, lon: -9.139 },
  { names: ["Ljubljana"], country: "SI", lat: 46.057, lon: 14.506 },
  {
    names: ["Luxembourg", "Lëtzebuerg"],
    country: "LU",
    lat: 49.612,
    lon: 6.132,
  },
  { names: ["Madrid"], country: "ES", lat: 40.417, lon: -3.704 },
  { names: ["Nicosia", "Λευκωσία"], country: "CY", lat: 35.186, lon: 33.382 },
  { names: ["Paris"], country: "FR", lat: 48.857, lon: 2.352 },
  { names: ["Prague", "Praha"], country: "CZ", lat: 50.076, lon: 14.438 },
  { names: ["Riga", "Rīga"], country: "LV", lat: 56.95, lon: 24.105 },
  { names: ["Rome", "Roma"], country: "IT", lat: 41.903, lon: 12.496 },
  { names: ["Sofia", "София"], country: "BG", lat: 42.698, lon: 23.322 },
  { names: ["Stockholm"], country: "SE", lat: 59.329, lon: 18.069 },
  { names: ["Tallinn"], country: "EE", lat: 59.437, lon: 24.754 },
  {
    names: ["Valletta", "Il-Belt Valletta"],
    country: "MT",
    lat: 35.899,
    lon: 14.515,
  },
  { names: ["Vienna", "Wien"], country: "AT", lat: 48.208, lon: 16.374 },
  { names: ["Vilnius"], country: "LT", lat: 54.687, lon: 25.28 },
  { names: ["Warsaw", "Warszawa"], country: "PL", lat: 52.23, lon: 21.012 },
  { names: ["Zagreb"], country: "HR", lat: 45.815, lon: 15.982 },
];

/**
 * Finds a place by name, ignoring case and accents ("athina" does not
 * match, but "ATHENS", "αθηνα" and "Αθήνα" do). Returns undefined when no
 * name matches exactly.
 */
export function findPlace(text: string): GazetteerPlace | undefined {
  const wanted = foldName(text);
  if (wanted === "") return undefined;
  return GAZETTEER.find((place) =>
    place.names.some((name) => foldName(name) === wanted),
  );
}

/** Lower case without diacritics, for comparing names. */
function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("und")
    .trim();
}
