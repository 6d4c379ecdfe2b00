import { availabilityPart, distancePart, fairnessPart, languagePart, reliabilityPart, skillPart, unfilledShare, urgencyPart } from './score-parts';

describe('score parts', () => {
  it('should score skills as the share of required skills held, or neutral when none are required', () => {
    const held = new Set(['FIRST_AID', 'DRIVING']);
    expect(skillPart(['FIRST_AID', 'COOKING'], held, 0.5)).toBe(0.5);
    expect(skillPart(['FIRST_AID', 'DRIVING'], held, 0.5)).toBe(1);
    expect(skillPart(['COOKING'], held, 0.5)).toBe(0);
    expect(skillPart([], held, 0.4)).toBe(0.4);
  });

  it('should halve the distance part at distanceHalfKm and keep it decreasing', () => {
    expect(distancePart(0, 2)).toBe(1);
    expect(distancePart(2, 2)).toBe(0.5);
    expect(distancePart(6, 2)).toBe(0.25);
    expect(distancePart(1, 2)).toBeGreaterThan(distancePart(1.1, 2));
  });

  it('should use the coverage as the availability part, or neutral when nothing is declared', () => {
    expect(availabilityPart(0.75, 0.5)).toBe(0.75);
    expect(availabilityPart(null, 0.5)).toBe(0.5);
  });

  it('should average how soon the shift starts and the share of places open', () => {
    expect(urgencyPart(0, 48, 4, 4)).toBe(1);
    expect(urgencyPart(48, 48, 2, 4)).toBe(0.5); // (1/2 + 1/2) / 2
    expect(urgencyPart(96, 48, 0, 4)).toBe(0.125); // (1/4 + 0) / 2
    expect(urgencyPart(-5, 48, 4, 4)).toBe(1); // already due counts as now
    expect(unfilledShare(3, 0)).toBe(1);
    expect(unfilledShare(5, 4)).toBe(1);
  });

  it('should favour volunteers with fewer verified minutes in the last 30 days', () => {
    expect(fairnessPart(0, 600)).toBe(1);
    expect(fairnessPart(600, 600)).toBe(0.5);
    expect(fairnessPart(1800, 600)).toBe(0.25);
    expect(fairnessPart(-10, 600)).toBe(1);
  });

  it('should shrink the attendance rate towards the prior by pseudo-claims', () => {
    expect(reliabilityPart(null, undefined, 0.8, 3)).toBe(0.8);
    expect(reliabilityPart(undefined, 0, 0.8, 3)).toBe(0.8);
    expect(reliabilityPart(1, 1, 0.8, 3)).toBeCloseTo((1 + 2.4) / 4, 15);
    expect(reliabilityPart(0.5, 97, 0.8, 3)).toBeCloseTo((48.5 + 2.4) / 100, 15);
    expect(reliabilityPart(0.9, undefined, 0.8, 3)).toBe(0.9);
    expect(reliabilityPart(0.9, 0, 0.8, 0)).toBe(0.8);
  });

  it('should score the wanted language as spoken or not, or neutral when none is wanted', () => {
    const spoken = new Set(['zh', 'en']);
    expect(languagePart('en', spoken, 0.5)).toBe(1);
    expect(languagePart('yue', spoken, 0.5)).toBe(0);
    expect(languagePart(null, spoken, 0.5)).toBe(0.5);
    expect(languagePart(undefined, spoken, 0.3)).toBe(0.3);
  });
});
