/**
 * Bounds a Cache Storage cache by its number of entries, with no record
 * kept outside the cache. `Cache.keys()` lists requests in the order they
 * were stored, and `Cache.put` of a stored request moves it to the end, so
 * the first keys are the entries stored longest ago.
 */

/** Deletes the entries stored longest ago until `cache` contains at most `maxEntries`. Returns how many were deleted. */
export async function deleteOldestEntries(
  cache: Cache,
  maxEntries: number,
): Promise<number> {
  const requests = await cache.keys();
  const excess = Math.max(0, requests.length - maxEntries);
  let deleted = 0;
  for (const request of requests.slice(0, excess)) {
    if (await cache.delete(request, { ignoreVary: true })) deleted += 1;
  }
  return deleted;
}
