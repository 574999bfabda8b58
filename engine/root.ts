import { dirname, resolve } from 'node:path';

/** The checkout's root. Its own module, so a process that needs only the path (the main command) does not load the contract loader and ajv with it. */
export const PROJECT_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
