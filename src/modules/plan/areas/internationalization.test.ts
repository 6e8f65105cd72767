import { describeCheckCases } from '../test-helpers.ts';
import { fixtureRow } from './fixture-support.ts';
import { internationalizationFixture } from './internationalization.fixture.ts';

describeCheckCases('internationalization', {
  complete: internationalizationFixture,
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
