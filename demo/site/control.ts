/**
 * The control panel. It moves the demo feed's scripted case one step on,
 * or back to the start, through the demo server's `/control/` requests.
 * Then it makes every widget on the page poll at once, so the change
 * shows without waiting for the polling interval.
 */
import type { ChildAlert } from "../../widget/child-alert.js";

interface ScenarioState {
  step: "idle" | "new" | "updated" | "ended";
  steps: string[];
  run: number;
}

const DESCRIPTIONS: Record<ScenarioState["step"], string> = {
  idle: "Step 1 of 4: nothing has happened yet.",
  new: "Step 2 of 4: the child is missing; the alert is out.",
  updated:
    "Step 3 of 4: the alert was updated with a new photo and a wider area.",
  ended: "Step 4 of 4: the child was found; the alert was cancelled.",
};

const stateText = document.getElementById("scenario-state");
const nextButton = document.getElementById("next-step") as HTMLButtonElement;
const resetButton = document.getElementById("reset") as HTMLButtonElement;

function showState(state: ScenarioState, note = ""): void {
  if (stateText !== null)
    stateText.textContent = `${DESCRIPTIONS[state.step]}${note}`;
  nextButton.disabled = state.step === "ended";
  document.body.dataset["scenarioStep"] = state.step;
}

async function requestState(
  path: string,
  method: "GET" | "POST",
): Promise<ScenarioState> {
  const response = await fetch(path, { method, cache: "no-store" });
  if (!response.ok) {
    throw new Error(`${method} ${path} failed with HTTP ${response.status}`);
  }
  return (await response.json()) as ScenarioState;
}

/** Makes every widget poll now and waits until each has rendered the result. */
async function refreshWidgets(): Promise<void> {
  const widgets = [...document.querySelectorAll<ChildAlert>("child-alert")];
  await Promise.all(widgets.map((widget) => widget.refresh()));
}

async function act(path: string): Promise<void> {
  nextButton.disabled = true;
  resetButton.disabled = true;
  try {
    const state = await requestState(path, "POST");
    await refreshWidgets();
    showState(state, " Every widget has polled the feed again.");
  } catch (error) {
    if (stateText !== null) {
      stateText.textContent = `The demo server did not respond: ${String(error)}. Is it still running?`;
    }
  } finally {
    resetButton.disabled = false;
  }
}

nextButton.addEventListener("click", () => void act("/control/step"));
resetButton.addEventListener("click", () => void act("/control/reset"));

requestState("/control/state", "GET").then(
  (state) => showState(state),
  (error: unknown) => {
    if (stateText !== null) {
      stateText.textContent = `The state of the case could not be read: ${String(error)}.`;
    }
  },
);
