/**
 * Waits for a condition in a browser test, polling it, and fails with a
 * message that names what did not happen. The limit is a failure bound,
 * not a timing the test asserts.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  description: string,
  limitMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${limitMs} ms waiting for ${description}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
