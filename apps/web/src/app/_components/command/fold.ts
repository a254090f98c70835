/**
 * Vietnamese text reduced for searching: without tone and vowel marks, đ as d, lower case, single
 * spaces — so "cua nam" finds "Phường Cửa Nam" and "Đồng" finds "dong".
 */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Whether every word of the query is in the text, marks ignored. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = fold(text);
  return fold(query)
    .split(" ")
    .every((word) => haystack.includes(word));
}
