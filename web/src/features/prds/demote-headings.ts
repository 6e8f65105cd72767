/** The rendered PRD's headings one level down (h1 → h2 …), so the page keeps a single h1. */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_, slash: string, level: string) => {
    return `<${slash}h${Math.min(6, Number(level) + 1)}`;
  });
}
