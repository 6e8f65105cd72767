import { invalidField } from '../errors/app-error.ts';

// In unicode mode a surrogate pair is one code point, so only a lone surrogate matches.
const loneSurrogate = /\p{Surrogate}/u;

/**
 * NUL and lone surrogates are refused everywhere text enters: PostgreSQL cannot store a NUL in text
 * or jsonb, and a lone surrogate is not Unicode (it has no UTF-8 form).
 */
export function checkText(path: string, text: string, what: 'value' | 'key' = 'value'): void {
  const printablePath = path.replaceAll('\u0000', '\\u0000');
  if (text.includes('\u0000'))
    throw invalidField(
      printablePath,
      `${what === 'key' ? 'the field name' : 'the text'} contains a NUL character (\\u0000)`,
    );
  if (loneSurrogate.test(text))
    throw invalidField(
      printablePath,
      `${what === 'key' ? 'the field name' : 'the text'} contains a lone surrogate; send valid Unicode`,
    );
}
