const savedAtFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** When a scenario was saved, as a reader says it ("2 Dec 2026, 09:00"); a date that does not read stays as stored. */
export const formatSavedAt = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : savedAtFormat.format(d);
};
