import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { call } from '../api/client';

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
  const suggestions = useQuery({
    queryKey: ['search-suggest', typed],
    queryFn: () => call('get', '/api/v1/search/suggest', { query: { q: typed, limit: 8 } }),
    enabled: typed.length >= 2,
    staleTime: 30_000,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  const options = [
    ...(suggestions.data?.titles ?? []).map((title) => title.text),
    ...(suggestions.data?.tags ?? []).map((tag) => tag.text),
  ];
  return (
    <search className="search-box">
      <form onSubmit={submit}>
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
      </form>
    </search>
  );
}
