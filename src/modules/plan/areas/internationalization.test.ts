import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

function complete(): Fixture {
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

describeCheckCases('internationalization', {
  complete,
  failing: {
    'i18n.locales-planned': (fixture) => {
      fixtureRow(fixture, 'locale-configurations', 1).isDefault = true;
    },
    'i18n.locale-formats-specified': (fixture) => {
      delete fixtureRow(fixture, 'locale-configurations', 1).pluralRules;
    },
    'i18n.keys-have-context': (fixture) => {
      delete fixtureRow(fixture, 'translation-keys').context;
    },
    'i18n.translations-reviewed': (fixture) => {
      fixtureRow(fixture, 'translations', 1).status = 'machine';
    },
  },
});
