// Imports nothing: the web UI offers the same list in its search settings.

/** Text-search configurations a workspace may choose (PostgreSQL's built-in ones). */
export const searchLanguages = [
  'english',
  'simple',
  'danish',
  'dutch',
  'finnish',
  'french',
  'german',
  'hungarian',
  'italian',
  'norwegian',
  'portuguese',
  'romanian',
  'russian',
  'spanish',
  'swedish',
  'turkish',
] as const;
export type SearchLanguage = (typeof searchLanguages)[number];
