// How deep a native endpoint lets a JSON body nest (the measure is shared: http-kit/json-depth.ts).
export { jsonDepth } from '../../../http-kit/json-depth.ts';

/** Nothing a native endpoint takes nests deeper than a few levels. */
export const MAX_JSON_DEPTH = 32;
