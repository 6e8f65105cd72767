import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { Form } from '../../components/forms';
import { useSuggestions } from './queries';

/** The header's search: suggestions while typing (a native datalist, so keyboards work), Enter searches. */
export function SearchBox() {
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  // Ask for suggestions once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const suggestions = useSuggestions(typed);
  const submit = () => {
    if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  const options = [
    ...(suggestions.data?.titles ?? []).map((title) => title.text),
    ...(suggestions.data?.tags ?? []).map((tag) => tag.text),
  ];
  return (
    <search className="search-box">
      <Form onSubmit={submit}>
        <label className="visually-hidden" htmlFor="header-search">
          Search everything
        </label>
        <input
          id="header-search"
          type="search"
          placeholder="Search…"
          list="header-search-suggestions"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <datalist id="header-search-suggestions">
          {[...new Set(options)].map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      </Form>
    </search>
  );
}
