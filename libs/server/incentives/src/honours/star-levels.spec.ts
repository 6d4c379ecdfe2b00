import { starLevelOf } from './star-levels';

describe('starLevelOf', () => {
  it.each([
    [0, 0],
    [99 * 60 + 59, 0],
    [100 * 60, 1],
    [299 * 60, 1],
    [300 * 60, 2],
    [600 * 60, 3],
    [1000 * 60 - 1, 3],
    [1000 * 60, 4],
    [1500 * 60, 5],
    [100_000 * 60, 5],
  ])('should give %i minutes the level %i when the thresholds are 100, 300, 600, 1000 and 1500 hours', (minutes, level) => {
    expect(starLevelOf(minutes)).toBe(level);
  });
});
