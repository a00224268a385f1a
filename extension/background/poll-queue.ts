/**
 * Runs the background's tasks one at a time, so an alarm, a change of
 * settings and the popup's refresh button never poll at the same time or
 * write the notified records over each other. A task asked for while the
 * same task already waits its turn shares that run instead of adding one.
 */
export class TaskQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly waiting = new Map<string, Promise<unknown>>();

  run<T>(name: string, task: () => Promise<T>): Promise<T> {
    const waiting = this.waiting.get(name);
    if (waiting !== undefined) return waiting as Promise<T>;
    const result = this.tail
      .catch(() => undefined)
      .then(() => {
        this.waiting.delete(name);
        return task();
      });
    this.waiting.set(name, result);
    this.tail = result;
    return result;
  }
}
