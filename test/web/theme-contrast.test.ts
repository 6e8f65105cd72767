import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every text colour of the UI against each surface it is written on, in both themes, read from the
// stylesheet's own tokens: `--name: light-dark(<light>, <dark>)`.
const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../web/src/styles.css'), 'utf8');
const tokens = new Map<string, [string, string]>();
for (const match of css.matchAll(/--([a-z0-9-]+):\s*light-dark\((#[0-9a-f]{3,6}),\s*(#[0-9a-f]{3,6})\)/gi)) {
  tokens.set(match[1] ?? '', [match[2] ?? '', match[3] ?? '']);
}

/** Text token → the surfaces it is read on. */
const pairs: [string, string[]][] = [
  [
    'ink',
    [
      'bg',
      'panel',
      'field-bg',
      'surface-2',
      'status-bg',
      'added-bg',
      'removed-bg',
      'highlight',
      'note-bg',
      'code-bg',
      'accent-bg',
    ],
  ],
  ['muted', ['bg', 'panel', 'surface-2']],
  ['accent', ['bg', 'panel', 'accent-bg']],
  ['danger', ['bg', 'panel', 'danger-bg', 'removed-bg']],
  ['ok', ['panel', 'ok-bg', 'added-bg']],
  ['warn', ['panel', 'warn-bg']],
  ['warn-ink', ['warn-bg']],
  ['on-accent', ['accent']],
  ['header-ink', ['header-bg']],
  ['header-link', ['header-bg']],
  ['header-muted', ['header-bg']],
  ['level-gold-ink', ['level-gold-bg']],
  ['level-silver-ink', ['level-silver-bg']],
  ['level-bronze-ink', ['level-bronze-bg']],
  ['level-none-ink', ['level-none-bg']],
];

function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const channels = [0, 2, 4].map((at) => Number.parseInt(digits.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe('colour tokens', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('defines every token it checks, the readiness levels and their tints included', () => {
    const names = pairs.flatMap(([text, surfaces]) => [text, ...surfaces]);
    const levels = ['gold', 'silver', 'bronze', 'none'].flatMap((level) => [
      `level-${level}`,
      `level-${level}-bg`,
      `level-${level}-ink`,
    ]);
    for (const name of [...names, ...levels]) expect(tokens.has(name), `--${name}`).toBe(true);
  });

  for (const [theme, side] of [
    ['light', 0],
    ['dark', 1],
  ] as const) {
    it(`keeps text at 4.5:1 or more in the ${theme} theme`, () => {
      const failures = pairs.flatMap(([text, surfaces]) =>
        surfaces.flatMap((surface) => {
          const [ink, ground] = [tokens.get(text)?.[side], tokens.get(surface)?.[side]];
          if (!ink || !ground) return [`--${text} on --${surface}: not defined`];
          const ratio = contrast(ink, ground);
          return ratio < 4.5 ? [`--${text} on --${surface}: ${ratio.toFixed(2)}`] : [];
        }),
      );
      expect(failures).toEqual([]);
    });
  }
});
