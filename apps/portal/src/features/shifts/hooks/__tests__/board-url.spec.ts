import { boardFilterParams, datesInverted, readBoardFilters } from '../board-url';

describe('the board filters in the address', () => {
  it('should read back what it wrote', () => {
    const v = { region: ['d1', 'st1'], category: 'ELDER_CARE', skills: ['FIRST_AID', 'DRIVING'], dateFrom: '2030-06-01', dateTo: '2030-06-03', onlyWithSpace: true };
    const params = boardFilterParams(v);
    expect(params.toString()).toBe('region=d1%2Cst1&category=ELDER_CARE&skills=FIRST_AID%2CDRIVING&from=2030-06-01&to=2030-06-03&space=1');
    expect(readBoardFilters(new URLSearchParams(params.toString()))).toEqual(v);
  });

  it('should tell the default area (none named) from every area (`all`)', () => {
    expect(readBoardFilters(new URLSearchParams('')).region).toBeUndefined();
    expect(readBoardFilters(new URLSearchParams('region=all')).region).toEqual([]);
    expect(boardFilterParams({ region: [] }).toString()).toBe('region=all');
  });

  it('should leave out dates that are not whole days', () => {
    expect(readBoardFilters(new URLSearchParams('from=tomorrow&to=2030-6-1'))).toMatchObject({ dateFrom: undefined, dateTo: undefined });
  });

  it('should call an end before the start inverted, and the same day not', () => {
    expect(datesInverted({ dateFrom: '2030-06-02', dateTo: '2030-06-01' })).toBe(true);
    expect(datesInverted({ dateFrom: '2030-06-02', dateTo: '2030-06-02' })).toBe(false);
    expect(datesInverted({ dateFrom: '2030-06-02' })).toBe(false);
  });
});
