/**
 * Measures how deep a parsed JSON value nests, for the same depth limit as
 * XML. The walk keeps its own stack instead of recursing, because a small
 * document can nest deeper than the JavaScript call stack allows.
 */

/**
 * Tells whether `value` nests arrays and objects more than `maxDepth`
 * levels deep. The value itself, when an array or object, is level 1.
 */
export function jsonNestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { item: object; depth: number }[] = [];
  if (typeof value === "object" && value !== null) {
    pending.push({ item: value, depth: 1 });
  }
  while (pending.length > 0) {
    const { item, depth } = pending.pop()!;
    if (depth > maxDepth) return true;
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) {
      if (typeof child === "object" && child !== null) {
        pending.push({ item: child, depth: depth + 1 });
      }
    }
  }
  return false;
}
