import { compliant, sharedVerdicts } from '../../src/core/engine/verdict';

describe('sharedVerdicts', () => {
  test('builds one verdict per key and returns that same verdict for the key afterwards', () => {
    const build = jest.fn((days: number) => compliant(`Kept ${days} days`));
    const keptFor = sharedVerdicts(build);
    const first = keptFor(7);
    expect(keptFor(7)).toBe(first);
    expect(keptFor(35)).toEqual({ complianceType: 'COMPLIANT', annotation: 'Kept 35 days' });
    expect(build.mock.calls).toEqual([[7], [35]]);
  });

  test('keeps at most 1024 keys: past that it starts over rather than growing with unusual data', () => {
    const build = jest.fn((key: number) => compliant(`key ${key}`));
    const verdictOf = sharedVerdicts(build);
    for (let key = 0; key < 1024; key++) {
      verdictOf(key);
    }
    verdictOf(0);
    expect(build).toHaveBeenCalledTimes(1024);
    verdictOf(1024);
    verdictOf(0);
    expect(build).toHaveBeenCalledTimes(1026);
  });
});
