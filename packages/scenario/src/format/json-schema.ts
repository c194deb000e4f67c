import { z } from 'zod';
import { MAX_EXPRESSION_LENGTH } from '../expressions/whitelist.ts';
import { eventEntrySchema, ruleEntrySchema } from './policy-schemas.ts';
import { entryIfSchema, scenarioFields } from './schema.ts';

const EXPRESSION = { type: 'string', maxLength: MAX_EXPRESSION_LENGTH, description: 'A mathjs expression over declared parameters.' };

/** Lets every number in a JSON Schema fragment also be an expression string, as the loader allows. */
function allowExpressions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowExpressions);
  if (typeof node !== 'object' || node === null) return node;
  const obj = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = allowExpressions(v);
  // The loader rejects unknown keys in events and rules, so editors should flag them too.
  if (obj['type'] === 'object' && obj['properties'] !== undefined && obj['additionalProperties'] === undefined) out['additionalProperties'] = false;
  if (obj['type'] === 'number' || obj['type'] === 'integer') {
    const { description, default: fallback, ...numeric } = out;
    return { anyOf: [numeric, EXPRESSION], ...(description !== undefined ? { description } : {}), ...(fallback !== undefined ? { default: fallback } : {}) };
  }
  return out;
}

/** Adds the loader's `if` (lever condition) to each entry object of an events or rules list. */
function allowIf(list: unknown, condition: unknown): unknown {
  const items = (list as { items?: Record<string, unknown> } | undefined)?.items;
  if (!items) return list;
  const alternatives = (items['oneOf'] ?? items['anyOf'] ?? [items]) as Record<string, unknown>[];
  for (const alt of alternatives) {
    const properties = alt['properties'] as Record<string, unknown> | undefined;
    if (alt['type'] === 'object' && properties) properties['if'] = condition;
  }
  return list;
}

/**
 * The published JSON Schema (draft 2020-12) of a scenario file, for editors
 * (`# yaml-language-server: $schema=...`) and `stibium schema`. Generated from the same
 * zod schemas the loader validates with, plus the policy package's events and rules.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const variant = z
    .strictObject({
      ...Object.fromEntries(Object.entries(scenarioFields).map(([k, v]) => [k, v.optional()])),
      events: z.array(eventEntrySchema).optional().describe(scenarioFields.events.description ?? ''),
      rules: z.array(ruleEntrySchema).optional().describe(scenarioFields.rules.description ?? ''),
    })
    .describe('A partial scenario merged onto this one.');
  const file = z.strictObject({
    ...scenarioFields,
    name: scenarioFields.name.optional(),
    horizon: scenarioFields.horizon.optional(),
    vintage: scenarioFields.vintage.optional(),
    extends: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .optional()
      .describe('Base scenario file(s), relative to this file; merged left to right, then this file on top (see README: merge rules).'),
    events: z.array(eventEntrySchema).optional().describe(scenarioFields.events.description ?? ''),
    rules: z.array(ruleEntrySchema).optional().describe(scenarioFields.rules.description ?? ''),
    variants: z.record(z.string(), variant).optional().describe('Named sub-scenarios deep-merged onto this one (e.g. growth, disruption).'),
  });
  const generated = z.toJSONSchema(file, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const properties = generated['properties'] as Record<string, unknown>;
  for (const key of ['events', 'rules', 'variants']) properties[key] = allowExpressions(properties[key]);
  const { $schema: _draft, ...condition } = z.toJSONSchema(entryIfSchema, { io: 'input' }) as Record<string, unknown>;
  const variantProperties = (properties['variants'] as { additionalProperties: { properties: Record<string, unknown> } }).additionalProperties.properties;
  for (const key of ['events', 'rules']) {
    allowIf(properties[key], condition);
    allowIf(variantProperties[key], condition);
  }
  return {
    ...generated,
    $id: 'https://stibium.dev/schema/scenario.json',
    title: 'Stibium scenario',
    description:
      'A Stibium scenario file (YAML or JSON). `name`, `horizon` and `vintage` are required after `extends` is merged. Numbers may be mathjs expressions over declared parameters.',
  };
}
