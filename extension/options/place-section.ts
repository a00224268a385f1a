/**
 * The place part of the options page: no place, or a point with a
 * distance, chosen on the offline map, typed as a town from the bundled
 * gazetteer, typed as numbers, or taken from the browser's geolocation
 * when the person clicks the button for it (and only then).
 */
import worldAtlasUrl from "world-atlas/countries-50m.json?url";
import type { Topology } from "topojson-specification";
import { message } from "../common/page-i18n.js";
import type { PlaceSetting } from "../common/settings.js";
import { findPlace, GAZETTEER } from "./gazetteer.js";
import { OfflineMap, type MapPoint } from "./offline-map.js";

/** The distance offered when a place is first chosen, in kilometres. */
const DEFAULT_RADIUS_KM = 25;

export interface PlaceValue {
  place: PlaceSetting | null;
  placeName: string;
}

export class PlaceSection {
  private readonly map: OfflineMap;
  private readonly lat = input("#lat");
  private readonly lon = input("#lon");
  private readonly radius = input("#radius");
  private readonly town = input("#town");
  private readonly fields =
    document.querySelector<HTMLElement>("#place-fields")!;
  private readonly status =
    document.querySelector<HTMLElement>("#place-status")!;

  constructor() {
    const frame = document.querySelector<HTMLElement>("#map")!;
    this.map = new OfflineMap(frame, (point) => this.choose(point, ""));
    this.map.element.setAttribute("role", "img");
    this.map.element.setAttribute("aria-label", message("optionsMapLabel"));
    this.map.element.setAttribute("aria-describedby", "map-help");
    void this.loadWorld();

    const list = document.querySelector<HTMLDataListElement>("#towns")!;
    list.replaceChildren(
      ...GAZETTEER.flatMap((place) =>
        place.names.map((name) => {
          const option = document.createElement("option");
          option.value = name;
          return option;
        }),
      ),
    );

    for (const radio of this.modeRadios()) {
      radio.addEventListener("change", () => this.syncMode());
    }
    this.town.addEventListener("change", () => this.onTown());
    for (const field of [this.lat, this.lon, this.radius]) {
      field.addEventListener("input", () => this.redraw());
    }
    button("#locate").addEventListener("click", () => this.locate());
    button("#zoom-in").addEventListener("click", () => this.map.zoom(2));
    button("#zoom-out").addEventListener("click", () => this.map.zoom(0.5));
    button("#zoom-place").addEventListener("click", () =>
      this.map.focusPlace(),
    );
    button("#zoom-reset").addEventListener("click", () => this.map.reset());
  }

  get value(): PlaceValue {
    if (this.mode() === "none") return { place: null, placeName: "" };
    const lat = this.lat.valueAsNumber;
    const lon = this.lon.valueAsNumber;
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
      return { place: null, placeName: "" };
    }
    const radius = this.radius.valueAsNumber;
    return {
      place: { lat, lon, radius: Number.isFinite(radius) ? radius : 0 },
      placeName: this.town.value.trim(),
    };
  }

  set value({ place, placeName }: PlaceValue) {
    this.setMode(place === null ? "none" : "point");
    this.lat.value = place === null ? "" : String(place.lat);
    this.lon.value = place === null ? "" : String(place.lon);
    this.radius.value = String(place?.radius ?? DEFAULT_RADIUS_KM);
    this.town.value = placeName;
    this.redraw();
    this.map.focusPlace();
  }

  /** Returns the error to show for the place, or "" when it can be saved. */
  validate(): string {
    if (this.mode() === "none") return "";
    const lat = this.lat.valueAsNumber;
    const lon = this.lon.valueAsNumber;
    if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
      return message("optionsPlaceMissing");
    }
    return "";
  }

  private async loadWorld(): Promise<void> {
    try {
      const response = await fetch(worldAtlasUrl);
      this.map.drawWorld((await response.json()) as Topology);
    } catch (error) {
      console.error(
        `Child Alert: the map data failed to load: ${String(error)}`,
      );
    }
  }

  private choose(point: MapPoint, name: string): void {
    this.setMode("point");
    this.lat.value = String(point.lat);
    this.lon.value = String(point.lon);
    if (!Number.isFinite(this.radius.valueAsNumber)) {
      this.radius.value = String(DEFAULT_RADIUS_KM);
    }
    this.town.value = name;
    this.status.textContent = message("optionsPlaceChosen", [
      point.lat.toFixed(3),
      point.lon.toFixed(3),
    ]);
    this.redraw();
  }

  private onTown(): void {
    const found = findPlace(this.town.value);
    if (found === undefined) {
      this.status.textContent =
        this.town.value.trim() === "" ? "" : message("optionsTownUnknown");
      return;
    }
    const typed = this.town.value.trim();
    this.choose({ lat: found.lat, lon: found.lon }, typed);
    this.map.focusPlace();
  }

  private locate(): void {
    this.status.textContent = message("optionsLocating");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const point = {
          lat: Math.round(position.coords.latitude * 1e4) / 1e4,
          lon: Math.round(position.coords.longitude * 1e4) / 1e4,
        };
        this.choose(point, "");
        this.map.focusPlace();
      },
      (error) => {
        this.status.textContent = message("optionsLocationFailed", [
          error.message,
        ]);
      },
      { enableHighAccuracy: false, timeout: 30_000, maximumAge: 600_000 },
    );
  }

  private redraw(): void {
    const { place } = this.value;
    this.fields.toggleAttribute("hidden", this.mode() === "none");
    this.map.show(place, place?.radius ?? 0);
  }

  private modeRadios(): HTMLInputElement[] {
    return [
      ...document.querySelectorAll<HTMLInputElement>(
        'input[name="place-mode"]',
      ),
    ];
  }

  private mode(): "none" | "point" {
    return this.modeRadios().find((radio) => radio.checked)?.value === "point"
      ? "point"
      : "none";
  }

  private setMode(mode: "none" | "point"): void {
    for (const radio of this.modeRadios()) radio.checked = radio.value === mode;
    this.fields.toggleAttribute("hidden", mode === "none");
  }

  private syncMode(): void {
    this.redraw();
  }
}

function input(selector: string): HTMLInputElement {
  return document.querySelector<HTMLInputElement>(selector)!;
}

function button(selector: string): HTMLButtonElement {
  return document.querySelector<HTMLButtonElement>(selector)!;
}
