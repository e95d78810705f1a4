/**
 * A list's count as people read it: "1,000+" when the server stopped counting at its cap (a
 * broad search), else the count itself.
 */
export function totalCopy(total: number, capped: boolean | undefined): string {
  return capped ? `${total.toLocaleString('en')}+` : String(total);
}
