import { EVENT_SCHEMA_VERSIONS, isDomainEventType, type DomainEvent, type DomainEventType, type EventOf, type UnknownEvent } from './events';

/**
 * Reading the journal: `upcast` turns a stored row's (event_type, schema_version, payload) into
 * the current version of its event, applying the upgrade steps below one version at a time.
 * Stored rows are never rewritten: an old row stays as it was written and is upgraded each time
 * it is read. This is the one way readers turn a journal payload into a `DomainEvent`.
 *
 * Adding a version N+1 of an event: change its payload and `schemaVersion` in `events.ts`
 * (and `EVENT_SCHEMA_VERSIONS`), keep the version-N payload type here, and add the step
 * `N: step((old: VersionN) => ...)` under the event's type.
 */

/** What the journal (or its copy in `activity`) holds for one entry. */
export interface StoredEvent {
  type: string;
  schemaVersion: number;
  payload: unknown;
}

// ---- payloads of earlier versions ----

/** `ProductCreated` version 1 did not record the description. */
export type ProductCreatedV1Payload = Omit<EventOf<'ProductCreated'>['payload'], 'description'>;

// ---- the upgrade steps ----

/** Upgrades a payload from the version it is filed under to the next one. */
type Step = (payload: object) => object;

/**
 * The stored payload of a known type and version is trusted to have that version's shape (only
 * typed decisions write the journal), so a step only states which shape it starts from.
 */
function step<From extends object, To extends object>(upgrade: (payload: From) => To): Step {
  return (payload) => upgrade(payload as From);
}

/** Per type, per version below the current one: the step to the next version. */
const STEPS: { readonly [T in DomainEventType]?: Readonly<Record<number, Step>> } = {
  ProductCreated: {
    // null = "not recorded": the description the product had then is unknown, not empty.
    1: step((v1: ProductCreatedV1Payload): EventOf<'ProductCreated'>['payload'] => ({ ...v1, description: null })),
  },
};

/**
 * The current version of a stored event, or an `UnknownEvent` (as stored, with the reason) when
 * this code cannot read it: an unknown type, a version newer than it knows or without an
 * upgrade path, a payload that is not an object. Never throws.
 */
export function upcast(stored: StoredEvent): DomainEvent | UnknownEvent {
  const { type, schemaVersion, payload } = stored;
  if (!isDomainEventType(type)) return unknownEvent(stored, 'unknown-type');
  const current = EVENT_SCHEMA_VERSIONS[type];
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) return unknownEvent(stored, 'unsupported-version');
  if (schemaVersion > current) return unknownEvent(stored, 'future-version');
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return unknownEvent(stored, 'malformed-payload');
  let upgraded: object = payload;
  for (let version = schemaVersion; version < current; version++) {
    const next = STEPS[type]?.[version];
    if (!next) return unknownEvent(stored, 'unsupported-version');
    try {
      upgraded = next(upgraded);
    } catch {
      return unknownEvent(stored, 'malformed-payload');
    }
  }
  // The one place a stored payload becomes typed: its type is known and it now has the current version's shape.
  return { type, schemaVersion: current, payload: upgraded } as DomainEvent;
}

function unknownEvent(stored: StoredEvent, reason: UnknownEvent['reason']): UnknownEvent {
  return { unknown: true, reason, type: stored.type, schemaVersion: stored.schemaVersion, payload: stored.payload };
}
