import { haversineKm } from './geo';
import { createGridIndex } from './grid-index';
import { CENTRE, offsetKm, seededRandom } from './testing/factories';

describe('grid index', () => {
  const random = seededRandom(5);
  const points = Array.from({ length: 3000 }, () => offsetKm(random() * 40 - 20, random() * 40 - 20));
  const lats = Float64Array.from(points, (p) => p.lat);
  const lngs = Float64Array.from(points, (p) => p.lng);

  it.each([0.3, 1, 4])('should visit every point within the radius (cells of %s km)', (cellKm) => {
    const grid = createGridIndex(lats, lngs, cellKm);
    for (const radiusKm of [0.5, 3, 7.5, 50]) {
      const visited = new Set<number>();
      grid.forEachNear(CENTRE.lat, CENTRE.lng, radiusKm, (i) => visited.add(i));
      points.forEach((p, i) => {
        if (haversineKm(CENTRE.lat, CENTRE.lng, p.lat, p.lng) <= radiusKm) expect(visited.has(i)).toBe(true);
      });
      expect(visited.size).toBeLessThan(points.length + 1);
    }
  });

  it('should visit only items whose sort key is in the range', () => {
    const keys = Float64Array.from(points, (_, i) => i);
    const grid = createGridIndex(lats, lngs, 1, keys);
    const visited: number[] = [];
    grid.forEachNear(CENTRE.lat, CENTRE.lng, 100, (i) => visited.push(i), 1000, 1500);
    expect(visited.sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => 1000 + i));
  });
});
