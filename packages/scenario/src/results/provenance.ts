import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the engine that produced a result came from. */
export interface EngineProvenance {
  /** `version` of @stibium/core's package.json. */
  readonly version: string;
  /** `git rev-parse HEAD` of the engine's checkout, or 'unknown'. */
  readonly gitCommit: string;
  /** `process.version`: golden hashes are tied to the Node major. */
  readonly node: string;
}

let cached: EngineProvenance | undefined;

/** The engine's version, git commit and Node version (read once per process). */
export function engineProvenance(): EngineProvenance {
  if (cached !== undefined) return cached;
  let version = 'unknown';
  try {
    const coreEntry = createRequire(import.meta.url).resolve('@stibium/core');
    const pkg = JSON.parse(readFileSync(join(dirname(coreEntry), '..', 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof pkg.version === 'string') version = pkg.version;
  } catch {
    // An engine without its package.json still runs; the manifest says 'unknown'.
  }
  let gitCommit = 'unknown';
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dirname(fileURLToPath(import.meta.url)), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    if (/^[0-9a-f]{40}\s*$/.test(out)) gitCommit = out.trim();
  } catch {
    // Not a git checkout (an installed package): 'unknown'.
  }
  cached = { version, gitCommit, node: process.version };
  return cached;
}
