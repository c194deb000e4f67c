// @stibium/cli public API: explicit named exports only.
export { buildProgram } from './program.ts';
export { EXIT, reportError, isUserError } from './errors.ts';
