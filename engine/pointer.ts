/** JSON Pointer (RFC 6901): the one place its `~0` and `~1` escapes are written. */

/** One key as a pointer's reference token. */
export const pointerToken = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The keys a pointer walks. A pointer in a URI fragment (`#/paths/~1me`, RFC 6901 §6), as `$ref`s
 * and requirement sources carry it, is percent-encoded as well: `fragment` decodes that first.
 */
export function pointerKeys(pointer: string, fragment = false): string[] {
  return pointer.split('/').slice(1).map((raw) => (fragment ? decodeURIComponent(raw) : raw).replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** What a pointer names in a parsed document, and every node on the way there (the root first); a missing step is undefined. */
export function nodesAlong(root: unknown, keys: readonly string[]): unknown[] {
  const nodes: unknown[] = [root];
  for (const key of keys) {
    const cur = nodes.at(-1);
    nodes.push(cur !== null && typeof cur === 'object' && key in cur ? (cur as Record<string, unknown>)[key] : undefined);
  }
  return nodes;
}

/** What a pointer names in a parsed document, or undefined. */
export const valueAt = (root: unknown, keys: readonly string[]): unknown => nodesAlong(root, keys).at(-1);
