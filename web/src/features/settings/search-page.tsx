import { useState } from 'react';
import { type SearchLanguage, searchLanguages } from '../../../../src/core/search/languages.ts';
import { SelectField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, hasGeneralError } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError, Query } from '../../components/ui';
import { useCan } from '../session/permissions';
import { useReindex, useSaveSearchSettings, useSearchSettings } from './rules-queries';
import { SaveActions, SettingsPage } from './settings-layout';

type Language = SearchLanguage;
const languages = searchLanguages;

function isLanguage(value: string): value is Language {
  return languages.some((language) => language === value);
}

/** The search's language (how words are stemmed), and rebuilding the index from scratch. */
export function SearchSettings() {
  const settings = useSearchSettings();
  return (
    <SettingsPage
      title="Search"
      intro="The language decides how words are matched: english finds “refund” for “refunds”."
    >
      <Query query={settings} what="search settings">
        {(data) => <LanguageForm language={data.language} />}
      </Query>
      <Reindex />
    </SettingsPage>
  );
}

function LanguageForm(props: { language: Language }) {
  const administer = useCan('administer');
  const save = useSaveSearchSettings();
  const [language, setLanguage] = useState<string>(props.language);
  const errors = fieldErrorsOf(save.error);
  return (
    <Form onSubmit={() => isLanguage(language) && save.mutate({ language })} aria-label="Search settings">
      <fieldset disabled={!administer}>
        <SelectField
          label="Language"
          name="search-language"
          choices={languages}
          value={language}
          onChange={setLanguage}
          error={fieldError(errors, 'language')}
        />
        <SaveActions label="Save search settings" save={save} />
      </fieldset>
      {hasGeneralError(save.error, ['language']) ? <FormError error={save.error} /> : null}
    </Form>
  );
}

function Reindex() {
  const administer = useCan('administer');
  const reindex = useReindex();
  if (!administer) return null;
  return (
    <Section id="reindex" title="Rebuild the index">
      <p className="muted">Search keeps itself current; rebuild it after changing the language.</p>
      <button type="button" onClick={() => reindex.mutate()} disabled={reindex.isPending}>
        {reindex.isPending ? 'Rebuilding…' : 'Rebuild search index'}
      </button>
      {reindex.data ? <p role="status">Indexed {reindex.data.documents} documents.</p> : null}
      <FormError error={reindex.error} />
    </Section>
  );
}
