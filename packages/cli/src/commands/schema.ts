import { scenarioJsonSchema } from '../scenario-api.ts';

/** `stibium schema`: prints the scenario JSON Schema (for editors: `# yaml-language-server: $schema=...`). */
export function schemaCommand(): number {
  process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
