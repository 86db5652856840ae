// SPDX-License-Identifier: Apache-2.0
// The API's shapes, generated from the server's OpenAPI document (scripts/generate-api.mjs);
// the area modules (referrals.ts, ...) name the ones the app uses.
import type { components, paths } from './generated/schema';

export type Schemas = components['schemas'];
export type { paths };

/** The query parameters a GET route documents; numbers are sent as their decimal text. */
export type QueryOf<P extends keyof paths> = paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? { [K in keyof NonNullable<Q>]?: string | number }
  : never;
