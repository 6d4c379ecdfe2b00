import { internalPath } from '../internal-path';

describe('internalPath', () => {
  it('should keep a path into the portal', () => {
    expect(internalPath('/my-shifts')).toBe('/my-shifts');
    expect(internalPath('/tasks/t1?tab=reviews')).toBe('/tasks/t1?tab=reviews');
  });

  it('should refuse another site, a protocol-relative address and nothing at all', () => {
    expect(internalPath('https://example.com/')).toBeNull();
    expect(internalPath('//example.com/x')).toBeNull();
    expect(internalPath('my-shifts')).toBeNull();
    expect(internalPath('')).toBeNull();
    expect(internalPath(null)).toBeNull();
    expect(internalPath(undefined)).toBeNull();
  });
});
