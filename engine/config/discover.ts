import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The modules `<root>/<folder>/<file>` of every folder that has one, by folder name in name order:
 * how APIs, their requirements and their reference servers are found without a list of names.
 */
export async function discoverModules<M>(root: string, file: string): Promise<Map<string, M>> {
  const folders = existsSync(root)
    ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, d.name, file))).map((d) => d.name).sort()
    : [];
  const modules = await Promise.all(folders.map((f) => import(pathToFileURL(join(root, f, file)).href) as Promise<M>));
  return new Map(folders.map((f, i) => [f, modules[i]!]));
}
