import type { AreaImport } from '../contracts.ts';

/**
 * The complete plan of the Internationalization area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function internationalizationFixture(): AreaImport {
  const locale = (name: string, tag: string, isDefault: boolean) => ({
    values: {
      name,
      locale: tag,
      isDefault,
      pluralRules: 'one, other',
      dateFormat: 'dd/MM/yyyy',
      numberFormat: '1 234,56',
      ...(isDefault ? {} : { fallbackLocale: 'en-GB' }),
    },
  });
  return {
    'locale-configurations': [locale('English', 'en-GB', true), locale('French', 'fr-FR', false)],
    'translation-keys': [
      { ref: 'pay', values: { name: 'checkout.pay', context: 'Button that pays', maxLength: 20 } },
    ],
    translations: [
      { values: { keyId: '@pay', locale: 'en-GB', value: 'Pay', status: 'reviewed' } },
      { values: { keyId: '@pay', locale: 'fr-FR', value: 'Payer', status: 'reviewed' } },
    ],
    'translation-workflow': [
      { values: { name: 'professional review', stage: 'review', owner: 'localisation team' } },
    ],
    'translation-memory': [{ values: { name: 'en to fr', sourceLocale: 'en-GB', targetLocale: 'fr-FR' } }],
  };
}
