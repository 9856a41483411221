/** A link to another pane page that keeps this page's query (language, theme, demo sign-in) and sets the given values. */
export function paneLink(page: string, values: Record<string, string> = {}): string {
  const query = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(values)) query.set(key, value);
  const text = query.toString();
  return `/${page}.html${text ? `?${text}` : ""}`;
}
