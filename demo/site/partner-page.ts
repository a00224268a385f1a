/**
 * The partner portal page's status panel: whether the service worker
 * controls the page, whether the browser is online, how many photos the
 * photo cache holds, and the `child-alert-update` events of the banner.
 */
import { PHOTO_CACHE_NAME } from "../../shared/client/forget-alerts.js";

function show(id: string, text: string): void {
  const element = document.getElementById(id);
  if (element !== null) element.textContent = text;
}

function showServiceWorker(): void {
  if (!("serviceWorker" in navigator)) {
    show("sw-state", "This browser has no service workers.");
    return;
  }
  const controller = navigator.serviceWorker.controller;
  show(
    "sw-state",
    controller === null
      ? "Not controlling this page yet (it does after it activates)."
      : `Controlling this page: ${new URL(controller.scriptURL).pathname}`,
  );
}

function showNetwork(): void {
  show("network-state", navigator.onLine ? "Online" : "Offline");
}

async function showPhotoCount(): Promise<void> {
  if (typeof caches === "undefined" || !(await caches.has(PHOTO_CACHE_NAME))) {
    show("photo-count", "0");
    return;
  }
  const keys = await (await caches.open(PHOTO_CACHE_NAME)).keys();
  show("photo-count", String(keys.length));
}

const updates: string[] = [];
document.addEventListener("child-alert-update", (event) => {
  const { scriptUrl } = (event as CustomEvent<{ scriptUrl: string }>).detail;
  updates.push(
    `${new Date().toLocaleTimeString()}: a new version took over (${new URL(scriptUrl).pathname})`,
  );
  show("update-log", updates.join("; "));
});

document.getElementById("check-update")?.addEventListener("click", () => {
  void navigator.serviceWorker
    ?.getRegistration()
    .then((registration) => registration?.update());
});

showServiceWorker();
showNetwork();
void showPhotoCount();
navigator.serviceWorker?.addEventListener(
  "controllerchange",
  showServiceWorker,
);
window.addEventListener("online", showNetwork);
window.addEventListener("offline", showNetwork);
document.addEventListener("child-alert-change", () => {
  // The photos load, and get cached, after the banner renders.
  setTimeout(() => void showPhotoCount(), 1000);
});
