/**
 * Sets `key` in a map used as a cache of at most `most` entries, forgetting the oldest first (a Map
 * keeps insertion order): what a busy room needs stays, a server with many rooms keeps the most recent.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, most: number): void {
  if (!map.has(key) && map.size >= most) map.delete(map.keys().next().value!);
  map.set(key, value);
}
