import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { Form } from '../../components/forms';
import { entityHref } from '../audit/entities';
import { useSuggestions } from './queries';
import { useSlashFocus } from './use-slash-focus';

/** One suggestion: a title opens its item, a tag searches for it. */
interface Suggestion {
  key: string;
  label: string;
  kind: string;
  href: string;
}

const kindNames: Record<string, string> = { project: 'Project', prd_review: 'PRD', decision_log: 'Decision' };

function useSuggestionList(typed: string): Suggestion[] {
  const suggestions = useSuggestions(typed);
  const titles = (suggestions.data?.titles ?? []).map((title) => ({
    key: `${title.type}-${title.id}`,
    label: title.text,
    kind: kindNames[title.type] ?? title.type,
    href: entityHref(title.type, title.id, { projectId: title.projectId }),
  }));
  const tags = (suggestions.data?.tags ?? []).map((tag) => ({
    key: `tag-${tag.text}`,
    label: tag.text,
    kind: 'Tag',
    href: `/search?q=${encodeURIComponent(tag.text)}`,
  }));
  return [...titles, ...tags];
}

/**
 * The header's search (`/` focuses it). While typing, suggestions open below: arrow keys move
 * through them and Enter opens the one chosen; Enter with none chosen searches for the text.
 */
export function SearchBox() {
  const [, navigate] = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  useSlashFocus(input);
  // Ask for suggestions once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const options = useSuggestionList(typed);
  const shown = open && text.trim().length >= 2 && options.length > 0;
  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    navigate(href);
  };
  const submit = () => {
    const chosen = shown ? options[active] : undefined;
    if (chosen) go(chosen.href);
    else if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') setOpen(false);
    if (!shown || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    // -1 is the typed text itself: the choice cycles through it and every suggestion.
    const slots = options.length + 1;
    setActive((current) => ((current + 1 + step + slots) % slots) - 1);
  };
  const current = shown && active >= 0 && active < options.length ? options[active] : undefined;
  return (
    <search className="search-box">
      <Form onSubmit={submit}>
        <label className="visually-hidden" htmlFor="header-search">
          Search everything
        </label>
        <input
          ref={input}
          id="header-search"
          type="search"
          role="combobox"
          aria-expanded={shown}
          aria-controls="header-search-suggestions"
          aria-autocomplete="list"
          aria-activedescendant={current ? `suggestion-${current.key}` : undefined}
          placeholder="Search…  /"
          autoComplete="off"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <SuggestionList options={shown ? options : []} active={current?.key} onChoose={go} />
      </Form>
    </search>
  );
}

function SuggestionList(props: { options: Suggestion[]; active?: string; onChoose: (href: string) => void }) {
  return (
    <div
      id="header-search-suggestions"
      role="listbox"
      aria-label="Suggestions"
      hidden={!props.options.length}
    >
      {props.options.map((option) => (
        <div
          key={option.key}
          id={`suggestion-${option.key}`}
          role="option"
          aria-selected={option.key === props.active}
          tabIndex={-1}
          onMouseDown={(event) => {
            event.preventDefault();
            props.onChoose(option.href);
          }}
        >
          <span className="muted">{option.kind}</span> {option.label}
        </div>
      ))}
    </div>
  );
}
