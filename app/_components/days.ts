const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day typed as `YYYY-MM-DD`, or undefined if it is not a real day. */
function parseDay(day: string): [number, number, number] | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(year, month - 1, date);
  if (probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== date) return undefined;
  return [year, month, date];
}

export const isDay = (day: string) => parseDay(day) !== undefined;

/** Local midnight at the start of `day`. */
export function startOfDay(day: string): Date | undefined {
  const parts = parseDay(day);
  return parts && new Date(parts[0], parts[1] - 1, parts[2]);
}

/** Local midnight at the end of `day`: the first moment no longer in it. */
export function endOfDay(day: string): Date | undefined {
  const parts = parseDay(day);
  return parts && new Date(parts[0], parts[1] - 1, parts[2] + 1);
}
