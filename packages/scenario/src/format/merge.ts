import { suggest } from './suggest.ts';
import { setOwn } from './origins.ts';
import type { Origin, Origins } from './origins.ts';

/**
 * Deep merge of scenario data, used by `extends` (base, then the extending file) and by
 * `variants` (the scenario, then the variant). The rules, also in the package README:
 *
 * 1. Mappings merge key by key, recursively.
 * 2. Scalars (numbers, strings, booleans) replace the inherited value.
 * 3. `key: null` deletes the inherited key.
 * 4. Lists replace the inherited list, except:
 * 5. when every element of the child's list is a mapping with a string `id` and at least
 *    one inherited element has an `id`, they merge by id: a child element whose id is
 *    inherited merges into that element (rules 1-3, in place), new ids are appended in the
 *    child's order, inherited elements (with or without id) otherwise stay;
 * 6. instead of a list, a child may give a merge directive, a mapping of `$` keys:
 *    `{ $remove: [ids or values] }` (an element goes if its `id` or its whole value equals
 *    an entry; an entry that matches nothing is an error, with a suggestion), `{ $prepend: [...] }`, `{ $append: [...] }`
 *    (combinable, applied in that order), or `{ $replace: [...] }` (alone) to replace a
 *    list that would otherwise merge by id.
 */

/** A problem found while merging, at an origin (the directive's node). */
export interface MergeProblem {
  readonly origins: readonly Origin[];
  readonly key?: string;
  readonly message: string;
  readonly suggestion?: string;
}

/** The merge directives, documented above. */
export const MERGE_DIRECTIVES = ['$remove', '$prepend', '$append', '$replace'] as const;

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDirective(value: unknown): value is Record<string, unknown> {
  return isPlain(value) && Object.keys(value).some((k) => k.startsWith('$'));
}

function isIdList(list: readonly unknown[]): boolean {
  return list.every((item) => isPlain(item) && typeof item['id'] === 'string');
}

function idOf(item: unknown): unknown {
  return isPlain(item) && typeof item['id'] === 'string' ? item['id'] : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Merges tagged scenario data, keeping {@link Origins} up to date for every new object. */
export class Merger {
  readonly problems: MergeProblem[] = [];
  readonly #origins: Origins;

  constructor(origins: Origins) {
    this.#origins = origins;
  }

  /** `child` over `base` (either may be undefined); returns new data, inputs untouched. */
  merge(base: unknown, child: unknown, isRoot = false, raw = false): unknown {
    if (child === undefined) return base === undefined ? undefined : this.merge(undefined, base, isRoot, raw);
    if (!isRoot && !raw && isDirective(child)) return this.#directive(Array.isArray(base) ? base : [], child);
    if (Array.isArray(child)) {
      if (Array.isArray(base) && child.length > 0 && base.some((item) => idOf(item) !== undefined) && isIdList(child)) return this.#mergeById(base, child, raw);
      return this.#list(child, this.#origins.get(child), child.map((_, i) => this.#origins.element(child, i)), raw);
    }
    if (isPlain(child)) {
      const from: Record<string, unknown> = isPlain(base) && (raw || !isDirective(base)) ? base : {};
      const out: Record<string, unknown> = {};
      // Variants are merged onto the scenario later: their directives must survive until then.
      const rawBelow = (key: string): boolean => raw || (isRoot && key === 'variants');
      for (const [key, value] of Object.entries(from)) setOwn(out, key, this.merge(undefined, value, false, rawBelow(key)));
      for (const [key, value] of Object.entries(child)) {
        if (value === null && !raw) delete out[key];
        else setOwn(out, key, this.merge(from[key], value, false, rawBelow(key)));
      }
      this.#origins.set(out, [...(isPlain(base) ? this.#origins.get(base) : []), ...this.#origins.get(child)]);
      return out;
    }
    return child;
  }

  #list(items: readonly unknown[], own: readonly Origin[], origins: (readonly Origin[])[], raw = false): unknown[] {
    const out = items.map((item) => this.merge(undefined, item, false, raw));
    this.#origins.set(out, own);
    this.#origins.setElements(out, origins);
    return out;
  }

  #mergeById(base: readonly unknown[], child: readonly unknown[], raw: boolean): unknown[] {
    const childById = new Map(child.map((item, i) => [idOf(item), i]));
    const baseIds = new Set<unknown>(base.map(idOf).filter((id) => id !== undefined));
    const out: unknown[] = [];
    const origins: (readonly Origin[])[] = [];
    base.forEach((item, i) => {
      const id = idOf(item);
      const j = id === undefined ? undefined : childById.get(id);
      out.push(j === undefined ? this.merge(undefined, item, false, raw) : this.merge(item, child[j], false, raw));
      origins.push(j === undefined ? this.#origins.element(base, i) : [...this.#origins.element(base, i), ...this.#origins.element(child, j)]);
    });
    child.forEach((item, j) => {
      if (baseIds.has(idOf(item))) return;
      out.push(this.merge(undefined, item, false, raw));
      origins.push(this.#origins.element(child, j));
    });
    this.#origins.set(out, this.#origins.get(child));
    this.#origins.setElements(out, origins);
    return out;
  }

  #directive(base: readonly unknown[], directive: Record<string, unknown>): unknown[] {
    const where = this.#origins.get(directive);
    const keys = Object.keys(directive);
    for (const key of keys) {
      if ((MERGE_DIRECTIVES as readonly string[]).includes(key)) continue;
      const suggestion = key.startsWith('$') ? suggest(key, MERGE_DIRECTIVES) : undefined;
      this.problems.push({
        origins: where,
        key,
        message: key.startsWith('$')
          ? `unknown merge directive \`${key}\`; directives are ${MERGE_DIRECTIVES.join(', ')}`
          : `a merge directive mapping may only hold ${MERGE_DIRECTIVES.join(', ')}, found \`${key}\``,
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
    }
    const listOf = (key: string): readonly unknown[] => {
      const value = directive[key];
      if (value === undefined) return [];
      if (Array.isArray(value)) return value;
      this.problems.push({ origins: where, key, message: `\`${key}\` takes a list` });
      return [];
    };
    const elementOrigins = (key: string): (readonly Origin[])[] => {
      const value = directive[key];
      return Array.isArray(value) ? value.map((_, i) => this.#origins.element(value, i)) : [];
    };
    if (directive['$replace'] !== undefined) {
      if (keys.length > 1) this.problems.push({ origins: where, key: '$replace', message: '`$replace` cannot be combined with other directives' });
      return this.#list(listOf('$replace'), where, elementOrigins('$replace'));
    }
    const removals = listOf('$remove');
    const matches = (item: unknown, r: unknown): boolean => (idOf(item) !== undefined && idOf(item) === r) || sameValue(item, r);
    const kept: unknown[] = [];
    const keptOrigins: (readonly Origin[])[] = [];
    base.forEach((item, i) => {
      if (removals.some((r) => matches(item, r))) return;
      kept.push(this.merge(undefined, item));
      keptOrigins.push(this.#origins.element(base, i));
    });
    removals.forEach((r) => {
      if (base.some((item) => matches(item, r))) return;
      const candidates = base.map((item) => idOf(item) ?? item).filter((x): x is string => typeof x === 'string');
      const guess = typeof r === 'string' ? suggest(r, candidates) : undefined;
      this.problems.push({
        origins: where,
        key: '$remove',
        message: `cannot remove ${JSON.stringify(r)}: the inherited list has no element with that id or value`,
        ...(guess !== undefined ? { suggestion: guess } : {}),
      });
    });
    const prepend = listOf('$prepend');
    const append = listOf('$append');
    const out = [...prepend.map((x) => this.merge(undefined, x)), ...kept, ...append.map((x) => this.merge(undefined, x))];
    this.#origins.set(out, where);
    this.#origins.setElements(out, [...elementOrigins('$prepend'), ...keptOrigins, ...elementOrigins('$append')]);
    return out;
  }
}
