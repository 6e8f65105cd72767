import { useMemo } from 'react';
import { previewHtml } from '../prds/markdown-preview';

/**
 * Markdown from the API (a rule's recipe) as HTML, cleaned in the browser by the same sanitiser
 * the PRD editor's preview uses: only the tags and links a PRD may carry survive.
 */
export function Markdown(props: { text: string }) {
  const html = useMemo(() => previewHtml(props.text), [props.text]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: cleaned by previewHtml
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
