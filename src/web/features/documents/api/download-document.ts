/**
 * Where the browser downloads a document's file from: a plain link, so the browser streams it to
 * disk with the session cookie; the API audits every download.
 */
export function documentContentUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}/content`;
}
