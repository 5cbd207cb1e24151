/** Types of check-links.mjs, for its tests. */
export interface LinkAt {
  target: string;
  line: number;
}
export interface BrokenLink extends LinkAt {
  file: string;
}
export function markdownTargets(text: string): LinkAt[];
export function citedDocs(text: string): LinkAt[];
export function findBrokenLinks(root: string, files: readonly string[]): BrokenLink[];
