import { childLevel, codeFitsLevel, codeNestsIn, levelRank, REGION_CODE_EXAMPLES, regionCodeCheckSql } from './region-codes';
import { REGION_LEVELS, RegionLevel } from './region.entity';

describe('region codes', () => {
  it.each<[RegionLevel, string[], string[]]>([
    ['DISTRICT', ['510107000000', '110101000000'], ['510107', '510107001000', '010107000000', '5101070000000', '51010700000a']],
    ['STREET', ['510107001000', '510107999000'], ['510107000000', '510107001001', '510107-001', '51010700100']],
    ['COMMUNITY', ['510107001001', '510107001999'], ['510107001000', '510107000001', '510107001001001', '51010700100１']],
    ['GRID', ['510107001001001', '510107001001999'], ['510107001001000', '510107001000001', '510107000001001', '510107001001', '510107-001-001-01']],
  ])('should take the national form of a %s code and nothing else', (level, good, bad) => {
    expect(good.filter((c) => !codeFitsLevel(c, level))).toEqual([]);
    expect(bad.filter((c) => codeFitsLevel(c, level))).toEqual([]);
  });

  it('should give each level codes of its own, so that no code fits two levels', () => {
    for (const level of REGION_LEVELS) {
      expect(REGION_LEVELS.filter((other) => codeFitsLevel(REGION_CODE_EXAMPLES[level], other))).toEqual([level]);
    }
  });

  it.each<[RegionLevel, string, string, boolean]>([
    ['STREET', '510107001000', '510107000000', true],
    ['STREET', '510108001000', '510107000000', false],
    ['COMMUNITY', '510107001002', '510107001000', true],
    ['COMMUNITY', '510107002002', '510107001000', false],
    ['GRID', '510107001002003', '510107001002', true],
    ['GRID', '510107001003003', '510107001002', false],
  ])('should tell whether a new %s code %s nests in its parent %s', (level, code, parent, nests) => {
    expect(codeNestsIn(code, level, parent)).toBe(nests);
  });

  it('should rank the levels from the district down, each with the next as its children', () => {
    expect(REGION_LEVELS.map(levelRank)).toEqual([1, 2, 3, 4]);
    expect(REGION_LEVELS.map(childLevel)).toEqual(['STREET', 'COMMUNITY', 'GRID', null]);
  });

  it('should write the same patterns into the CHECK the migration adds', () => {
    expect(regionCodeCheckSql()).toBe(
      "CASE level WHEN 'DISTRICT' THEN code ~ '^[1-9][0-9]{5}0{6}$' WHEN 'STREET' THEN code ~ '^[0-9]{6}(?!000)[0-9]{3}000$' WHEN 'COMMUNITY' THEN code ~ '^[0-9]{6}(?!000)[0-9]{3}(?!000)[0-9]{3}$' WHEN 'GRID' THEN code ~ '^[0-9]{6}(?!000)[0-9]{3}(?!000)[0-9]{3}(?!000)[0-9]{3}$' ELSE false END",
    );
  });
});
