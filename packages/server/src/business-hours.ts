/**
 * Whether a shop is within its business hours, and when it next opens, in the
 * shop's time zone (Intl, no date library). Hours that cross midnight are given
 * as two entries (`22:00–24:00` and `00:00–02:00` the next day).
 */
import type { BusinessHours } from '@shopfront/core/schemas.js';

interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function localTime(instant: number, timeZone: string): LocalTime & { seconds: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    seconds: Number(parts.second),
  };
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The instant at which the shop's clock shows `minutes` past midnight on the given local date. */
function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const wallClock = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = wallClock;
  // Twice: the offset at the guess can differ from the offset at the answer around a DST change.
  for (let i = 0; i < 2; i++) {
    const local = localTime(guess, timeZone);
    const shown = Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes, local.seconds);
    guess += wallClock - shown;
  }
  return guess;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Open now, and if not, the next opening (null when the week has no hours at all). */
export function businessState(hours: BusinessHours | undefined, at: number = Date.now()): { open: boolean; nextOpenAt: string | null } {
  if (!hours) return { open: true, nextOpenAt: null };
  const now = localTime(at, hours.timeZone);
  const open = hours.hours.some(
    (entry) => entry.day === now.weekday && toMinutes(entry.opens) <= now.minutes && now.minutes < toMinutes(entry.closes),
  );
  if (open) return { open, nextOpenAt: null };
  for (let offset = 0; offset <= 7; offset++) {
    const date = new Date(Date.UTC(now.year, now.month - 1, now.day + offset));
    const weekday = date.getUTCDay();
    const openings = hours.hours
      .filter((entry) => entry.day === weekday && toMinutes(entry.closes) > toMinutes(entry.opens))
      .map((entry) => toMinutes(entry.opens))
      .filter((minutes) => offset > 0 || minutes > now.minutes)
      .sort((a, b) => a - b);
    const first = openings[0];
    if (first !== undefined) {
      const instant = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), first, hours.timeZone);
      return { open: false, nextOpenAt: new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    }
  }
  return { open: false, nextOpenAt: null };
}
