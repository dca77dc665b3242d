/** Fields that carry a command's business date, in the order they are looked for. */
const DATE_FIELDS = [
  // A correction happens on its own day; its `on` (CorrectFact) is the corrected fact's date.
  'correctedOn',
  'on',
  'capturedOn',
  // RequestProcedure: the day the application became complete (R7 counts from the next working day).
  'completeOn',
  'plannedOn',
  'setOn',
  'revisedOn',
  'from',
  'publishedOn',
  'today',
];

/** The business time of a command: its own date at 00:00 Asia/Shanghai, else the time it arrived. */
export const businessTimeOf = (command: object, arrived: Date): string => {
  const fields = command as Record<string, unknown>;
  const day = DATE_FIELDS.map((f) => fields[f]).find((v): v is string => typeof v === 'string');
  return day !== undefined ? `${day}T00:00:00+08:00` : arrived.toISOString();
};
