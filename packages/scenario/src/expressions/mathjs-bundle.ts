import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';

// mathjs's single-file bundle loads about eight times faster than its ESM build (hundreds
// of modules); every worker thread and every CLI start pays that import. Same API.
const require = createRequire(import.meta.url);

/** The mathjs library, loaded from its one-file bundle. */
export const mathjs = require('mathjs/lib/browser/math.js') as typeof MathJs;
