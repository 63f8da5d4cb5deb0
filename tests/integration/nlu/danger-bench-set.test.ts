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
        'danger-blind18.jsonl',
        'danger-blind17.jsonl',
        'danger-blind16.jsonl',
        'danger-blind15.jsonl',
        'danger-blind14.jsonl',
        'danger-blind13.jsonl',
      ]),
    ).toBe('danger-blind18.jsonl');
  });

  it('falls back to another unseen set, then to danger-eval.jsonl, never to a development set', () => {
    // danger-holdout-own, blind3 and blind4 are development data now (decision 0038): a fresh own holdout is not.
    expect(chooseDangerBenchSet(['danger-dev.jsonl', 'danger-holdout-own.jsonl', 'danger-blind4.jsonl', 'danger-holdout-fresh.jsonl'])).toBe(
      'danger-holdout-fresh.jsonl',
    );
    expect(chooseDangerBenchSet(['danger-dev.jsonl', 'danger-dev3.jsonl', 'danger-blind3.jsonl', 'danger-blind4.jsonl'])).toBe('danger-eval.jsonl');
    expect(chooseDangerBenchSet(['danger-dev.jsonl', 'danger-dev2.jsonl', 'danger-blind2.jsonl', 'dev.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind6, which is development data (decision 0044)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev4.jsonl', 'danger-blind5.jsonl', 'danger-blind6.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind6.jsonl', 'danger-dev4.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind7, which is development data (decision 0045)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev5.jsonl', 'danger-blind6.jsonl', 'danger-blind7.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind7.jsonl', 'danger-dev5.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind8, which is development data (decision 0046)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind7.jsonl', 'danger-blind8.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind8.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind9, which is development data (decision 0047)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind8.jsonl', 'danger-blind9.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind9.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind10, which is development data (decision 0050)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind9.jsonl', 'danger-blind10.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind10.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind11, which is development data (decision 0051)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind10.jsonl', 'danger-blind11.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind11.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind12, which is development data (decision 0052)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind11.jsonl', 'danger-blind12.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind12.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind13 (decision 0055), nor blind14 since the fourteenth pass', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind12.jsonl', 'danger-blind13.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    // blind14 was scored once after the thirteenth pass and is development data since the fourteenth (decision 0056).
    expect(chooseDangerBenchSet([...present, 'danger-blind14.jsonl'])).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind13.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind14, which is development data since the fourteenth pass (decision 0056)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind13.jsonl', 'danger-blind14.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind14.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('never scores blind15 (decision 0058) nor blind16 (decision 0059), which are development data now', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind14.jsonl', 'danger-blind15.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet([...present, 'danger-blind16.jsonl'])).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind15.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('scored blind17 while it was unseen, and never blind16, which is development data now (decision 0059)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind15.jsonl', 'danger-blind16.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    // blind17 is development data since the seventeenth pass (decision 0060).
    expect(chooseDangerBenchSet([...present, 'danger-blind17.jsonl'])).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet(['danger-blind16.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('scores blind18 once it exists, and never blind17, which is development data now (decision 0060)', () => {
    const present = ['danger-dev.jsonl', 'danger-dev6.jsonl', 'danger-blind16.jsonl', 'danger-blind17.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet(present)).toBe('danger-holdout-own3.jsonl');
    expect(chooseDangerBenchSet([...present, 'danger-blind18.jsonl'])).toBe('danger-blind18.jsonl');
    expect(chooseDangerBenchSet(['danger-blind17.jsonl', 'danger-dev6.jsonl'])).toBe('danger-eval.jsonl');
  });

  it('is generic: the highest-numbered blind set that is not development data, whatever its number', () => {
    const present = ['danger-dev.jsonl', 'danger-blind13.jsonl', 'danger-holdout-own3.jsonl'];
    expect(chooseDangerBenchSet([...present, 'danger-blind18.jsonl', 'danger-blind17.jsonl'])).toBe('danger-blind18.jsonl');
    expect(chooseDangerBenchSet([...present, 'danger-blind100.jsonl', 'danger-blind99.jsonl'])).toBe('danger-blind100.jsonl');
  });
});
