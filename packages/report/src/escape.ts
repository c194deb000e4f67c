/**
 * HTML escaping for every string that reaches the page: scenario names, descriptions,
 * outcome ids and file paths come from users and must be shown as text, never parsed.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attributes (and SVG text). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A fragment id safe to use in `id` and `href="#..."`: letters, digits and `-`, with a
 * short hash suffix so that distinct names never collide after cleaning.
 */
export function slug(prefix: string, name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  const clean = name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `${prefix}-${clean}-${(h >>> 0).toString(36)}`;
}
