import { NEED_STATUSES, isCancellable, nextStatus, sourcesOf, type NeedEventType, type NeedStatus } from './need-state.js';

describe('need state machine', () => {
  const walk = (events: NeedEventType[]): NeedStatus => {
    let s: NeedStatus = 'submitted';
    for (const e of events) {
      const r = nextStatus(s, e);
      if (!r.ok) throw new Error(`${e} refused from ${s}`);
      s = r.value;
    }
    return s;
  };

  it('walks the four-order loop', () => {
    expect(walk(['route', 'take', 'set_off', 'finish', 'confirm'])).toBe('confirmed');
  });

  it('re-opens on release and escalates while dispatched', () => {
    expect(walk(['route', 'take', 'release', 'escalate', 'take'])).toBe('claimed');
  });

  it('a dispute sends a done need back to claimed', () => {
    expect(walk(['route', 'take', 'finish', 'dispute'])).toBe('claimed');
  });

  it('refuses taking a need that is not dispatched', () => {
    for (const s of NEED_STATUSES.filter((x) => x !== 'dispatched')) {
      const r = nextStatus(s, 'take');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('need/invalid_transition');
    }
  });

  it('final statuses accept nothing', () => {
    const events: NeedEventType[] = [
      'route',
      'no_route',
      'escalate',
      'reassign',
      'take',
      'set_off',
      'release',
      'finish',
      'confirm',
      'dispute',
      'cancel',
      'close_unfulfilled',
    ];
    for (const s of ['confirmed', 'cancelled', 'unfulfilled'] as const) {
      for (const e of events) expect(nextStatus(s, e).ok).toBe(false);
    }
  });

  it('lets a resident cancel only before someone takes it', () => {
    expect(isCancellable('dispatched')).toBe(true);
    expect(isCancellable('unrouted')).toBe(true);
    expect(isCancellable('claimed')).toBe(false);
    expect(isCancellable('done')).toBe(false);
  });

  it('exposes the source statuses of an event for conditional updates', () => {
    expect(sourcesOf('take')).toEqual(['dispatched']);
    expect(sourcesOf('release').sort()).toEqual(['claimed', 'en_route']);
  });
});
