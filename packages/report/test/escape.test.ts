import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/index.ts';
import { assertInertSvg, slimSvg } from '../src/charts/vega.ts';
import { slug } from '../src/escape.ts';

const unescape = (s: string): string => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });

  it('never leaves a markup character and loses nothing (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const e = escapeHtml(s);
        expect(/[<>"']/.test(e)).toBe(false);
        expect(unescape(e)).toBe(s);
      }),
      { seed: 424242, numRuns: 500 },
    );
  });
});

describe('slug', () => {
  it('makes safe, distinct fragment ids', () => {
    expect(slug('fan', 'pk.exportEarnings')).toMatch(/^fan-pk-exportEarnings-[0-9a-z]+$/);
    expect(slug('s', 'a<b')).not.toBe(slug('s', 'a>b'));
    expect(slug('s', '<script>')).toMatch(/^[A-Za-z0-9-]+$/);
  });
});

describe('assertInertSvg', () => {
  it('accepts escaped text that looks like markup', () => {
    const svg = '<svg><text x="1">&lt;img src=x onerror=alert(1)&gt; onload=x href=y</text><path d="M0,0" clip-path="url(#c)"/></svg>';
    expect(assertInertSvg(svg)).toBe(svg);
  });

  it.each([
    ['a script element', '<svg><script>alert(1)</script></svg>'],
    ['an event handler', '<svg><rect onload="alert(1)"/></svg>'],
    ['a link', '<svg><a href="https://example.org"><text>x</text></a></svg>'],
    ['an external reference', '<svg><use xlink:href="https://example.org/x.svg#a"/></svg>'],
    ['a foreignObject', '<svg><foreignObject><div/></foreignObject></svg>'],
    ['a javascript: URL', '<svg><rect fill="javascript:alert(1)"/></svg>'],
  ])('rejects %s', (_what, svg) => {
    expect(() => assertInertSvg(svg)).toThrow(/report SVG/);
  });
});

describe('slimSvg', () => {
  it('drops default attributes and rounds coordinates inside tags only', () => {
    expect(slimSvg('<g opacity="1" pointer-events="none"><path d="M0.123456,10.98765"/><text>3.14159</text></g>')).toBe('<g><path d="M0.1,10.9"/><text>3.14159</text></g>');
  });
});
