/** Small markdown helpers for the generated reference. */

/** A table cell: one line, pipes escaped. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * A JSON example a client can find: the HTML comment names it (`<!-- example: deals -->`) and
 * the fenced block right after it holds the JSON.
 */
export function jsonExample(name: string, value: unknown): string {
  return `<!-- example: ${name} -->\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``;
}

export function code(language: string, text: string): string {
  return `\`\`\`${language}\n${text.replace(/\n$/, '')}\n\`\`\``;
}

/** A GitHub-style heading anchor. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}
