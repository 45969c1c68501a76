import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DebouncedDraft, sameText } from './debouncedDraft';

const DELAY = 200;

/**
 * A search box over a URL, as `useDraft` drives it: `render` hands the box the URL's value, as a
 * render after the URL changed would. The URL takes each commit at once unless `echoLater`.
 */
function searchBox(initial = '', { same = Object.is as (a: string, b: string) => boolean, echoLater = false } = {}) {
  const commits: string[] = [];
  let url = initial;
  const box = new DebouncedDraft<string>(initial, {
    commit: (value) => {
      commits.push(value);
      url = same === sameText ? value.trim() : value;
      if (!echoLater) box.follow(url);
    },
    delayMs: DELAY,
    same,
  });
  const render = () => box.follow(url);
  /** Another control or the browser (Back, "Clear", a link) sets the URL. */
  const navigate = (value: string) => {
    url = value;
    box.follow(value);
  };
  return { box, commits, navigate, render, url: () => url };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a debounced draft', () => {
  it('shows what is typed at once and commits only the last value, once typing pauses', () => {
    const { box, commits } = searchBox();
    box.type('l');
    box.type('la');
    box.type('lamp');
    expect(box.draft()).toBe('lamp');
    vi.advanceTimersByTime(DELAY - 1);
    expect(commits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(commits).toEqual(['lamp']);
  });

  it('commits nothing when the text is typed back to what is committed', () => {
    const { box, commits } = searchBox('lamp');
    box.type('lamps');
    box.type('lamp');
    vi.advanceTimersByTime(DELAY);
    expect(commits).toEqual([]);
  });

  it('commits a word typed back within the pause after "Clear" (the box must not show a word the URL lacks)', () => {
    const { box, commits, navigate, url } = searchBox();
    box.type('lamp');
    vi.advanceTimersByTime(DELAY);
    expect(url()).toBe('lamp');
    navigate('');
    expect(box.draft()).toBe('');
    vi.advanceTimersByTime(DELAY / 2);
    box.type('lamp');
    vi.advanceTimersByTime(DELAY);
    expect(commits).toEqual(['lamp', 'lamp']);
    expect(url()).toBe('lamp');
  });

  it('follows a change from outside and drops a pending draft instead of undoing that change', () => {
    const { box, commits, navigate, url } = searchBox('lamp');
    box.type('lantern');
    navigate('tent');
    expect(box.draft()).toBe('tent');
    vi.advanceTimersByTime(DELAY * 2);
    expect(commits).toEqual([]);
    expect(url()).toBe('tent');
  });

  it('follows Back to the value the pause had not yet left (an outside change, not an echo)', () => {
    const { box, navigate } = searchBox();
    box.type('lamp');
    vi.advanceTimersByTime(DELAY);
    navigate('');
    navigate('lamp');
    expect(box.draft()).toBe('lamp');
    vi.advanceTimersByTime(DELAY);
    expect(box.draft()).toBe('lamp');
  });

  it('never overwrites typing in progress with the late echo of its own commit', () => {
    const { box, commits, render } = searchBox('', { echoLater: true });
    box.type('lamp');
    vi.advanceTimersByTime(DELAY);
    box.type('lamp s');
    vi.advanceTimersByTime(DELAY);
    box.type('lamp sha');
    // The router applies the two addresses only now, one after the other.
    expect(commits).toEqual(['lamp', 'lamp s']);
    box.follow('lamp');
    expect(box.draft()).toBe('lamp sha');
    render();
    expect(box.draft()).toBe('lamp sha');
    vi.advanceTimersByTime(DELAY);
    expect(commits).toEqual(['lamp', 'lamp s', 'lamp sha']);
  });

  it('commits through the latest commit function, not the one of the render that started the pause', () => {
    const first = vi.fn();
    const latest = vi.fn();
    const box = new DebouncedDraft<string>('', { commit: first, delayMs: DELAY, same: Object.is });
    box.type('lamp');
    box.configure({ commit: latest, delayMs: DELAY, same: Object.is });
    vi.advanceTimersByTime(DELAY);
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledWith('lamp');
  });

  it('drops a pending draft when the field goes away (it would land on the next page)', () => {
    const { box, commits } = searchBox();
    box.type('lamp');
    box.dispose();
    vi.advanceTimersByTime(DELAY * 2);
    expect(commits).toEqual([]);
  });

  it('tells its subscribers when the text shown changes', () => {
    const { box, navigate } = searchBox();
    const listener = vi.fn();
    const unsubscribe = box.subscribe(listener);
    box.type('lamp');
    navigate('tent');
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    box.type('x');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  describe('with surrounding spaces not counting', () => {
    it('commits nothing for spaces alone, and keeps a trailing space through the echo', () => {
      const { box, commits, url } = searchBox('', { same: sameText });
      box.type('  ');
      vi.advanceTimersByTime(DELAY);
      expect(commits).toEqual([]);
      box.type('lamp ');
      vi.advanceTimersByTime(DELAY);
      expect(url()).toBe('lamp');
      // The next word is on its way: the trimmed echo must not take the space away.
      expect(box.draft()).toBe('lamp ');
    });
  });
});
