// The bench's danger figure is read on the newest blind set: a helper's own holdout or an older blind
// set must not take its place, and development data is never scored as if it were unseen.
import { chooseDangerBenchSet } from '../../../bench/nlu.bench.js';

describe('chooseDangerBenchSet', () => {
  it('takes the highest-numbered blind set over older ones and over an own holdout', () => {
    expect(
      chooseDangerBenchSet([
        'danger-dev.jsonl',
        'danger-blind3.jsonl',
        'danger-holdout-own.jsonl',
        'danger-blind12.jsonl',
        'danger-blind10.jsonl',
        'danger-blind11.jsonl',
        'danger-blind4.jsonl',
        'danger-blind2.jsonl',
        'danger-blind19.jsonl',
        'danger-blind20.jsonl',
        'danger-blind18.jsonl',
        'danger-blind17.jsonl',
        'danger-blind16.jsonl',
        'danger-blind15.jsonl',
        'danger-blind14.jsonl',
        'danger-blind13.jsonl',
        'danger-blind21.jsonl',
        'danger-blind22.jsonl',
        'danger-blind23.jsonl',
        'danger-blind24.jsonl',
        'danger-blind25.jsonl',
        'danger-blind26.jsonl',
        'danger-blind27.jsonl',
        'danger-blind28.jsonl',
        'danger-blind29.jsonl',
        'danger-blind30.jsonl',
      ]),
    ).toBe('danger-blind30.jsonl');
  });

  it('falls back to another unseen set, then to danger-eval.jsonl, never to a development set', () => {
    // danger-holdout-own, blind3 and blind4 are development data now (decision 0038): a fresh own holdout is not.
    expect(chooseDangerBenchSet(['danger-dev.jsonl', 'danger-holdout-own.jsonl', 'danger-blind4.jsonl', 'danger-holdout-fresh.jsonl'])).toBe(
      'danger-holdout-fresh.jsonl',
    );
    expect(chooseDangerBenchSet(['danger-dev.jsonl', 'danger-dev3.jsonl', 'danger-blind3.jsonl', 'danger-blind4.jsonl'])).toBe('danger-eval.jsonl');
    expect(chooseDangerBenchSet(['danger-dev.jsonl', 'danger-dev2.jsonl', 'danger-blind2.jsonl', 'dev.jsonl'])).toBe('danger-eval.jsonl');
  });

  // Each blind set, once scored, was folded into development data by the next pass (decision in brackets).
  const folded: Array<[number, string]> = [
    [6, '0044'],
    [7, '0045'],
    [8, '0046'],
    [9, '0047'],
    [10, '0050'],
    [11, '0051'],
    [12, '0052'],
    [13, '0055'],
    [14, '0056'],
    [15, '0058'],
    [16, '0059'],
    [17, '0060'],
    [18, '0061'],
    [19, '0063'],
    [20, '0064'],
    [21, '0066'],
    [22, '0067'],
    [23, '0068'],
    [24, '0069'],
    [25, '0070'],
    [26, '0071'],
    [27, '0073'],
    [28, '0074'],
    [29, '0075'],
  ];
  it.each(folded)('never scores blind%i, which is development data (decision %s)', (n) => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', `danger-blind${n - 1}.jsonl`, `danger-blind${n}.jsonl`, 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet([`danger-blind${n}.jsonl`, 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('scores blind30 once it exists, and never blind29, which is development data now (decision 0075)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind28.jsonl', 'danger-blind29.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet([...present, 'danger-blind30.jsonl'])).toBe('danger-blind30.jsonl');
    expect(chooseDangerBenchSet(['danger-blind29.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('is generic: the highest-numbered blind set that is not development data, whatever its number', () => {
    const present = ['danger-dev.jsonl', 'danger-blind13.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet([...present, 'danger-blind30.jsonl', 'danger-blind29.jsonl'])).toBe('danger-blind30.jsonl');
    expect(chooseDangerBenchSet([...present, 'danger-blind100.jsonl', 'danger-blind99.jsonl'])).toBe('danger-blind100.jsonl');
  });
});
