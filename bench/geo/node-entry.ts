/**
 * Runs the place-matching measurement in Node and prints the result as
 * JSON. `bench-geo.ts` starts it in a fresh process with the settings as
 * the only argument.
 */
import { benchGeoInNode, type GeoSettings } from "./bench-geo.js";

const settings = JSON.parse(process.argv[2] ?? "") as GeoSettings;
process.stdout.write(JSON.stringify(await benchGeoInNode(settings)));
