/**
 * Gives the event loop a turn, so that rendering, input and other tasks can
 * run between the slices of a long piece of work. Uses `scheduler.yield()`
 * where it exists (Chromium 129 and later), whose continuation runs ahead
 * of other queued tasks, else a `MessageChannel` message, a task that
 * `setTimeout`'s minimum delay of 4 ms after nested calls does not hold
 * back, else `setTimeout(0)`. Each exists in pages, workers, service
 * workers and Node.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (
    globalThis as { scheduler?: { yield?: () => Promise<void> } }
  ).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        // A port with a listener keeps Node's event loop alive until closed.
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
