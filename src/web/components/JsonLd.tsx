/**
 * Structured data (schema.org) for search engines and citation tools, in a
 * `<script type="application/ld+json">`. `<` is escaped so no text in the data can close the
 * script element.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
