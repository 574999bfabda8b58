import type { ReferenceApi } from './kit/types.ts';
import { nextauthReference } from './nextauth/index.ts';
import { semaphoreReference } from './semaphore/index.ts';
import { svixReference } from './svix/index.ts';
import { traqReference } from './traq/index.ts';

/** Every reference server, by API. */
export const REFERENCES: readonly ReferenceApi[] = [traqReference, nextauthReference, svixReference, semaphoreReference] as ReferenceApi[];
