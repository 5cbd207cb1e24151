/** "45 seconds", "3 minutes" in the person's language: estimates of time left. */
export function formatDuration(seconds: number, locale: string): string {
  const [unit, value] = seconds >= 90 ? (['minute', Math.ceil(seconds / 60)] as const) : (['second', seconds] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
