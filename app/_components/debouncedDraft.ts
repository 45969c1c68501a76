export interface DraftSettings<T> {
  /** Receives the draft once typing pauses, if it differs from what is committed. */
  commit: (value: T) => void;
  delayMs: number;
  /** Whether a draft and a committed value mean the same (e.g. but for surrounding spaces). */
  same: (a: T, b: T) => boolean;
}

/** Echoes still awaited, at most: a commit that changes nothing never echoes, and must not be awaited forever. */
const MAX_SENT = 10;

/**
 * A field typed into before its value is committed (to the URL): what is typed shows at once and is
 * committed once typing pauses. Free of React so it can be tested on its own; `useDraft` wraps it.
 *
 * - Whether to commit is decided when the pause ends, against the committed value of that moment,
 *   so typing back to an earlier value within the pause (after "Clear") still commits.
 * - A committed value that changes by other means (Back, "Clear filters", a link) replaces the
 *   draft and drops a pending commit, which would otherwise undo that change.
 * - A committed value that is the echo of a commit of ours leaves the draft alone: typing done
 *   since (the echo can take a navigation to arrive) is not overwritten.
 * - The commit function is the latest one given, never one a timer closed over earlier.
 */
export class DebouncedDraft<T> {
  #draft: T;
  #committed: T;
  /** Values handed to `commit` whose echo has not come back yet, oldest first. */
  #sent: T[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #settings: DraftSettings<T>;
  readonly #listeners = new Set<() => void>();

  constructor(committed: T, settings: DraftSettings<T>) {
    this.#draft = committed;
    this.#committed = committed;
    this.#settings = settings;
  }

  /** The latest settings: a render's `commit` closes over that render's state. */
  configure(settings: DraftSettings<T>): void {
    this.#settings = settings;
  }

  /** What the field shows. */
  readonly draft = (): T => this.#draft;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Typing: shown at once, committed after `delayMs` without further typing. */
  readonly type = (value: T): void => {
    this.#show(value);
    this.#stopTimer();
    this.#timer = setTimeout(() => this.#settle(), this.#settings.delayMs);
  };

  /** The committed value, each time it may have changed. */
  follow(committed: T): void {
    if (Object.is(committed, this.#committed)) return;
    this.#committed = committed;
    const echo = this.#sent.findIndex((sent) => this.#settings.same(sent, committed));
    if (echo >= 0) {
      this.#sent.splice(0, echo + 1);
      return;
    }
    this.#sent = [];
    this.#stopTimer();
    if (!this.#settings.same(this.#draft, committed)) this.#show(committed);
  }

  /** The field goes away: a pending draft is dropped (committed now, it would land on whatever page comes next). */
  dispose(): void {
    this.#stopTimer();
  }

  #settle(): void {
    this.#timer = undefined;
    const draft = this.#draft;
    if (this.#settings.same(draft, this.#committed)) return;
    this.#sent.push(draft);
    if (this.#sent.length > MAX_SENT) this.#sent.shift();
    this.#settings.commit(draft);
  }

  #show(value: T): void {
    if (Object.is(value, this.#draft)) return;
    this.#draft = value;
    for (const listener of this.#listeners) listener();
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** For search boxes: surrounding spaces do not make another search. */
export const sameText = (a: string, b: string): boolean => a.trim() === b.trim();
