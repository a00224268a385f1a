/**
 * A world map drawn as SVG from Natural Earth data bundled in the
 * extension (the world-atlas package), so choosing a place contacts no
 * tile server. Clicking sets the place; the chosen distance is drawn as a
 * circle. Arrow keys move the view, + and − zoom, and Enter chooses the
 * centre of the view, so the map also works without a pointer.
 *
 * The projection is equirectangular with a standard parallel of 40°:
 * x = longitude × cos 40°, y = −latitude, in degrees. It keeps Greece and
 * most of Europe close to their true shape and makes a click's position
 * simple to turn back into latitude and longitude.
 */
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Geometry, Position } from "geojson";

const SVG = "http://www.w3.org/2000/svg";
const X_SCALE = Math.cos((40 * Math.PI) / 180);
const KM_PER_DEGREE = 111.32;
/** The first view: Europe, with Greece in it. */
const START = { lon: 15, lat: 48, width: 70 };
const MIN_WIDTH = 0.5;
const MAX_WIDTH = 360 * X_SCALE;

export interface MapPoint {
  lat: number;
  lon: number;
}

export class OfflineMap {
  private readonly svg: SVGSVGElement;
  private readonly land: SVGPathElement;
  private readonly borders: SVGPathElement;
  private readonly area: SVGEllipseElement;
  private readonly marker: SVGCircleElement;
  private readonly crosshair: SVGPathElement;
  private view = { x: START.lon * X_SCALE, y: -START.lat, width: START.width };
  private point: MapPoint | null = null;
  private radiusKm = 0;

  /**
   * @param container element the SVG goes into
   * @param onChoose called with the point the person chose
   */
  constructor(
    container: HTMLElement,
    private readonly onChoose: (point: MapPoint) => void,
  ) {
    this.svg = element("svg", { class: "map", tabindex: "0" });
    this.land = element("path", { class: "land" });
    this.borders = element("path", { class: "borders" });
    this.area = element("ellipse", { class: "area" });
    this.marker = element("circle", { class: "marker" });
    this.crosshair = element("path", { class: "crosshair" });
    this.svg.append(
      this.land,
      this.borders,
      this.area,
      this.marker,
      this.crosshair,
    );
    container.append(this.svg);
    this.svg.addEventListener("click", (event) => this.onClick(event));
    this.svg.addEventListener("keydown", (event) => this.onKey(event));
    this.applyView();
  }

  /** The SVG element, to label it from the page. */
  get element(): SVGSVGElement {
    return this.svg;
  }

  /** Draws the countries from a world-atlas topology (`countries-*.json`). */
  drawWorld(topology: Topology): void {
    const countries = topology.objects.countries as GeometryCollection;
    const land = feature(topology, countries);
    this.land.setAttribute(
      "d",
      land.features.map((country) => geometryPath(country.geometry)).join(""),
    );
    this.borders.setAttribute(
      "d",
      geometryPath(mesh(topology, countries, (a, b) => a !== b)),
    );
  }

  /** Shows the chosen point and distance, or nothing for null. */
  show(point: MapPoint | null, radiusKm: number): void {
    this.point = point;
    this.radiusKm = Math.max(0, radiusKm);
    this.drawPlace();
  }

  /** Centres the view on the chosen point, zoomed to show its distance. */
  focusPlace(): void {
    if (this.point === null) return;
    const span = Math.max((4 * this.radiusKm) / KM_PER_DEGREE, 2);
    this.view = {
      x: this.point.lon * X_SCALE,
      y: -this.point.lat,
      width: clamp(span, MIN_WIDTH, MAX_WIDTH),
    };
    this.applyView();
  }

  zoom(factor: number): void {
    this.view.width = clamp(this.view.width / factor, MIN_WIDTH, MAX_WIDTH);
    this.applyView();
  }

  /** Moves the view by a fraction of its width. */
  pan(dx: number, dy: number): void {
    this.view.x += dx * this.view.width;
    this.view.y += dy * this.view.width;
    this.applyView();
  }

  reset(): void {
    this.view = { x: START.lon * X_SCALE, y: -START.lat, width: START.width };
    this.applyView();
  }

  private onClick(event: MouseEvent): void {
    const matrix = this.svg.getScreenCTM();
    if (matrix === null) return;
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(
      matrix.inverse(),
    );
    this.choose(at.x, at.y);
  }

  private onKey(event: KeyboardEvent): void {
    const step = 0.1;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => this.pan(-step, 0),
      ArrowRight: () => this.pan(step, 0),
      ArrowUp: () => this.pan(0, -step),
      ArrowDown: () => this.pan(0, step),
      "+": () => this.zoom(2),
      "=": () => this.zoom(2),
      "-": () => this.zoom(0.5),
      Enter: () => this.choose(this.view.x, this.view.y),
      " ": () => this.choose(this.view.x, this.view.y),
    };
    const action = actions[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  }

  private choose(x: number, y: number): void {
    const lat = clamp(-y, -90, 90);
    const lon = wrapLongitude(x / X_SCALE);
    this.onChoose({ lat: round(lat, 4), lon: round(lon, 4) });
  }

  private applyView(): void {
    const { x, y, width } = this.view;
    const height = width * 0.6;
    this.svg.setAttribute(
      "viewBox",
      `${x - width / 2} ${y - height / 2} ${width} ${height}`,
    );
    const arm = width / 40;
    this.crosshair.setAttribute(
      "d",
      `M${x - arm} ${y}H${x + arm}M${x} ${y - arm}V${y + arm}`,
    );
    this.drawPlace();
  }

  private drawPlace(): void {
    const point = this.point;
    this.area.toggleAttribute("hidden", point === null);
    this.marker.toggleAttribute("hidden", point === null);
    if (point === null) return;
    const cx = point.lon * X_SCALE;
    const cy = -point.lat;
    const ry = this.radiusKm / KM_PER_DEGREE;
    const cosLat = Math.max(Math.cos((point.lat * Math.PI) / 180), 0.01);
    const rx = (ry / cosLat) * X_SCALE;
    setAttributes(this.area, { cx, cy, rx, ry });
    setAttributes(this.marker, { cx, cy, r: this.view.width / 120 });
  }
}

/** SVG path data of a GeoJSON geometry's lines and rings, projected. */
function geometryPath(geometry: Geometry | null): string {
  if (geometry === null) return "";
  switch (geometry.type) {
    case "Polygon":
      return geometry.coordinates.map((ring) => linePath(ring, true)).join("");
    case "MultiPolygon":
      return geometry.coordinates
        .flat()
        .map((ring) => linePath(ring, true))
        .join("");
    case "LineString":
      return linePath(geometry.coordinates, false);
    case "MultiLineString":
      return geometry.coordinates.map((line) => linePath(line, false)).join("");
    case "GeometryCollection":
      return geometry.geometries.map(geometryPath).join("");
    default:
      return "";
  }
}

function linePath(points: Position[], closed: boolean): string {
  const text = points
    .map(
      ([lon, lat], index) =>
        `${index === 0 ? "M" : "L"}${round(lon! * X_SCALE, 3)} ${round(-lat!, 3)}`,
    )
    .join("");
  return closed ? `${text}Z` : text;
}

function element<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const created = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    created.setAttribute(key, value);
  }
  return created;
}

function setAttributes(target: Element, values: Record<string, number>): void {
  for (const [key, value] of Object.entries(values)) {
    target.setAttribute(key, String(value));
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function wrapLongitude(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
