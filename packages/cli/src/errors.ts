import { StibiumError } from '@stibium/core';

/** Exit codes of the `stibium` command. */
export const EXIT = { ok: 0, internal: 1, badInput: 2, interrupted: 130 } as const;

// Codes a user causes with their input or options; everything else is our fault.
const USER_CODES = new Set(['SCENARIO_INVALID', 'EXPRESSION_INVALID', 'USAGE', 'OUTPUT_EXISTS', 'RESULTS_INVALID', 'LOG_CORRUPT', 'INVALID_ARGUMENT']);

/** Thrown by commands for bad input found by the CLI itself (exit code 2). */
export function usage(message: string): StibiumError {
  return new StibiumError('USAGE', message);
}

/** Whether `error` is the user's to fix (exit 2) rather than an internal failure (exit 1). */
export function isUserError(error: unknown): boolean {
  return error instanceof StibiumError && USER_CODES.has(error.code);
}

/**
 * Prints an error the way a user can act on: bad input as `error: ...` with the problems
 * (file:line:col), no stack; internal errors as a short message, with the stack only
 * when STIBIUM_DEBUG=1. Returns the exit code.
 */
export function reportError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  const debug = process.env['STIBIUM_DEBUG'] === '1';
  if (error instanceof StibiumError && error.code === 'INTERRUPTED') {
    stderr.write(`stibium: ${error.message}\n`);
    return EXIT.interrupted;
  }
  if (isUserError(error)) {
    stderr.write(`error: ${(error as Error).message}\n`);
    if (debug) stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`stibium: internal error: ${message}\n`);
  stderr.write(debug ? `${error instanceof Error ? (error.stack ?? '') : ''}\n` : 'Run again with STIBIUM_DEBUG=1 for the stack trace, and please report it.\n');
  return EXIT.internal;
}
