import { GeoPoint } from './model';

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Kilometres per degree of latitude on the mean sphere. */
export const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;

export function validatePoint(point: GeoPoint, what: string): void {
  const ok = Number.isFinite(point.lat) && Number.isFinite(point.lng) && Math.abs(point.lat) <= 90 && Math.abs(point.lng) <= 180;
  if (!ok) throw new RangeError(`invalid ${what} ${JSON.stringify(point)}`);
}

/** Great-circle distance in km (haversine; accurate to ~0.5% against the ellipsoid, plenty for ranking). */
export function haversineKm(latA: number, lngA: number, latB: number, lngB: number): number {
  return haversineWithCosKm(latA, lngA, cosLatitude(latA), latB, lngB, cosLatitude(latB));
}

export function cosLatitude(lat: number): number {
  return Math.cos(lat * RAD);
}

/** haversineKm with the cosines precomputed (prepared points carry them); same bits as haversineKm. */
export function haversineWithCosKm(latA: number, lngA: number, cosA: number, latB: number, lngB: number, cosB: number): number {
  const sinHalfLat = Math.sin(((latB - latA) * RAD) / 2);
  const sinHalfLng = Math.sin(((lngB - lngA) * RAD) / 2);
  const h = sinHalfLat * sinHalfLat + cosA * cosB * sinHalfLng * sinHalfLng;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return haversineKm(a.lat, a.lng, b.lat, b.lng);
}

export interface BoundingBox {
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLng: number;
  readonly maxLng: number;
}

/**
 * A box that contains every point within `radiusKm` of the centre. Longitude
 * degrees shrink towards the poles, so the box is widened for its poleward edge.
 */
export function boundingBox(lat: number, lng: number, radiusKm: number): BoundingBox {
  const dLat = radiusKm / KM_PER_DEGREE;
  const poleward = Math.min(89.9, Math.abs(lat) + dLat);
  const dLng = Math.min(180, radiusKm / (KM_PER_DEGREE * Math.cos(poleward * RAD)));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}
