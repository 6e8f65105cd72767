import { defineArea } from '../area.ts';
import { everyRow, missingOf, result } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const localeConfigurations = planTable('locale_configurations', {
  purpose: 'Supported locales and their rules: plurals, formats, direction',
  fields: {
    name: field.name('Locale as people name it (French, France)'),
    locale: field.label('BCP 47 tag (fr-FR)', { required: true }),
    direction: field.enum(['ltr', 'rtl'], 'Text direction', { default: 'ltr' }),
    pluralRules: field.label('CLDR plural categories used (one, few, many, other)'),
    dateFormat: field.label('Date format (e.g. dd/MM/yyyy)'),
    numberFormat: field.label('Number and currency format (e.g. 1 234,56 €)'),
    fallbackLocale: field.label('Locale used when a translation is missing'),
    isDefault: field.flag('Whether it is the source locale', { default: false }),
  },
});

export const translationKeys = planTable('translation_keys', {
  purpose: 'Every message key, with the context translators need',
  fields: {
    name: field.name('The key (checkout.pay_button)'),
    namespace: field.label('Where it is used'),
    context: field.text('What the message means and where it appears, for translators'),
    maxLength: field.int('Longest text the layout allows', 1, 100_000),
  },
});

export const translations = planTable('translations', {
  purpose: 'The value of a key in one locale',
  fields: {
    keyId: field.ref(() => translationKeys, 'The key', { required: true }),
    locale: field.label('BCP 47 tag', { required: true }),
    value: field.text('The translated text'),
    status: field.enum(['machine', 'draft', 'reviewed'], 'How far it got', { default: 'draft' }),
  },
});

export const translationWorkflow = planTable('translation_workflow', {
  purpose: 'The steps from a new key to a published translation, and who does each',
  fields: {
    name: field.name(),
    stage: field.enum(['extract', 'translate', 'review', 'publish'], 'The step', { required: true }),
    tool: field.label('Tool or service used'),
    owner: field.label('Who does it'),
    slaDays: field.int('Days it may take', 0, 365),
  },
});

export const translationMemory = planTable('translation_memory', {
  purpose: 'Reused translations between a source and target locale',
  fields: {
    name: field.name(),
    sourceLocale: field.label('Source locale', { required: true }),
    targetLocale: field.label('Target locale', { required: true }),
    entries: field.int('Segments stored', 0, 2_000_000_000),
    lastSyncedAt: field.time('When it was last synchronised with the translation tool'),
  },
});

export const internationalization = defineArea({
  number: 11,
  slug: 'internationalization',
  key: 'i18n',
  title: 'Internationalization',
  summary: 'Locales and their rules, message keys, translations, the translation workflow and memory.',
  tables: { translationKeys, translations, translationWorkflow, localeConfigurations, translationMemory },
  checks: [
    {
      id: 'i18n.locales-planned',
      level: 'bronze',
      title: 'Supported locales are listed, with one default',
      why: 'Which locales are promised decides formats, layouts and translation cost from the start.',
      evaluate: ({ localeConfigurations }) => {
        if (localeConfigurations.length === 0) return result.fail('No locales planned yet.');
        const defaults = localeConfigurations.filter((locale) => locale.isDefault);
        return defaults.length === 1
          ? result.pass(`${localeConfigurations.length} locales, default ${defaults[0]?.locale}.`)
          : result.fail(`${defaults.length} default locales; exactly one is needed.`);
      },
    },
    {
      id: 'i18n.locale-formats-specified',
      level: 'silver',
      title: 'Every locale specifies plural rules, date and number formats, and a fallback',
      why: 'Plurals and formats differ by locale; hard-coding one locale’s rules produces wrong text everywhere else.',
      evaluate: ({ localeConfigurations }) =>
        everyRow('locale_configurations', localeConfigurations, 'locales', (locale) =>
          missingOf(locale, {
            pluralRules: 'no plural rules',
            dateFormat: 'no date format',
            numberFormat: 'no number format',
            ...(locale.isDefault ? {} : { fallbackLocale: 'no fallback' }),
          }),
        ),
    },
    {
      id: 'i18n.keys-have-context',
      level: 'silver',
      title: 'Every message key carries context for translators',
      why: 'Without context, "Close" is translated as the verb in one place and the adjective in another.',
      evaluate: ({ translationKeys }) =>
        everyRow('translation_keys', translationKeys, 'message keys', (key) =>
          missingOf(key, { context: 'no context' }),
        ),
    },
    {
      id: 'i18n.translations-reviewed',
      level: 'gold',
      title: 'Every key has a reviewed translation in every locale, within its length limit',
      why: 'Missing or unreviewed translations reach users as raw keys or machine output.',
      evaluate: ({ translationKeys, translations, localeConfigurations }) =>
        everyRow('translation_keys', translationKeys, 'message keys', (key) => {
          const problems: string[] = [];
          for (const { locale } of localeConfigurations) {
            const found = translations.find(
              (translation) => translation.keyId === key.id && translation.locale === locale,
            );
            if (found?.status !== 'reviewed') problems.push(`${locale} not reviewed`);
            else if (key.maxLength && (found.value ?? '').length > key.maxLength)
              problems.push(`${locale} too long`);
          }
          return problems;
        }),
    },
  ],
});
