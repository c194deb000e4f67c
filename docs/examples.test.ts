// Runs every example program of the docs (docs/examples/*.ts, quoted in docs/library.md),
// and every ```ts block of the docs that does not quote a file, in this process: the model
// loads once and the examples use tiny sizes.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, blocksOf, docFiles } from './markdown.ts';

const examples = readdirSync(join(ROOT, 'docs/examples')).filter((f) => f.endsWith('.ts')).sort();
// Free-standing blocks run from a scratch folder inside the repository (results/ is
// git-ignored), so `@stibium/*` imports resolve as they do for a user's file.
const scratch = join(ROOT, 'results/.docs-blocks');
const freeBlocks = docFiles()
  .flatMap(blocksOf)
  .filter((b) => b.lang === 'ts' && b.marker?.kind !== 'include' && !b.flags.includes('fragment'));

describe('example programs (docs/examples)', () => {
  it('exist', () => expect(examples.length).toBeGreaterThan(5));
  for (const file of examples) {
    it(`docs/examples/${file} runs`, async () => {
      await import(pathToFileURL(join(ROOT, 'docs/examples', file)).href);
    }, 120_000);
  }
});

describe('TypeScript blocks in the docs', () => {
  for (const block of freeBlocks) {
    it(`${block.file}:${block.line} runs`, async () => {
      mkdirSync(scratch, { recursive: true });
      const file = join(scratch, `${block.file.replace(/[^\w]+/g, '-')}-${block.line}.ts`);
      writeFileSync(file, `${block.body}\nexport {};\n`);
      await import(pathToFileURL(file).href);
    }, 120_000);
  }
});
