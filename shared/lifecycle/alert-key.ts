/**
 * Keys of CAP messages. A message is identified by its `sender` and
 * `identifier` together: CAP 1.2 requires an identifier to be unique for its
 * sender only, and two senders may use the same identifier.
 *
 * CAP forbids spaces and commas in both values (its `references` list is
 * written as space-separated "sender,identifier,sent" triples), so a comma
 * separates them here without escaping.
 */

/** Returns the key of the message with this sender and identifier. */
export function alertKey(sender: string, identifier: string): string {
  return `${sender},${identifier}`;
}

/** Splits a key made by `alertKey` back into its sender and identifier. */
export function parseAlertKey(key: string): {
  sender: string;
  identifier: string;
} {
  const comma = key.indexOf(",");
  if (comma < 0) throw new Error(`Invalid alert key "${key}": no comma`);
  return { sender: key.slice(0, comma), identifier: key.slice(comma + 1) };
}
