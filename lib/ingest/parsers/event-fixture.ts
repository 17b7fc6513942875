// Shared by the event parser's tests: a valid event and a one-item parse.
import { parseEventsBody } from './events';

export const baseEvent = {
  start: '2024-05-01T10:00:00Z',
  end: '2024-05-01T11:00:00Z',
  kind: 'training',
  country: 'FR',
  energy_kwh: 1.5,
};

export function parseOne(event: unknown) {
  const [item] = parseEventsBody({ events: [event] }, { maxEvents: 10 }).items;
  if (!item) throw new Error('no item');

  return item;
}
