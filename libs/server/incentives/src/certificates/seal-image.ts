import { InvalidInputError } from '@civicgrid/platform';

export const SEAL_MAX_BYTES = 300 * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * A seal image from a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL: the
 * bytes must be what the URL says (checked by their magic numbers, not the label) and at
 * most 300 kB.
 */
export function parseSealDataUrl(dataUrl: string, field = 'imageDataUrl'): { mimeType: 'image/png' | 'image/jpeg'; image: Buffer } {
  const m = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl.trim());
  if (!m) throw new InvalidInputError(field, 'seal.notImage', 'The seal must be a PNG or JPEG image given as a base64 data URL');
  // Refuse before decoding a body far over the limit.
  if (m[2].length > Math.ceil((SEAL_MAX_BYTES * 4) / 3) + 4) throw new InvalidInputError(field, 'seal.tooLarge', 'The seal image may be at most 300 kB');
  const image = Buffer.from(m[2], 'base64');
  if (image.length > SEAL_MAX_BYTES) throw new InvalidInputError(field, 'seal.tooLarge', 'The seal image may be at most 300 kB');
  const mimeType = m[1] as 'image/png' | 'image/jpeg';
  const magic = mimeType === 'image/png' ? PNG : JPEG;
  if (image.length <= magic.length || !image.subarray(0, magic.length).equals(magic)) {
    throw new InvalidInputError(field, 'seal.notImage', `The file is not a ${mimeType === 'image/png' ? 'PNG' : 'JPEG'} image`);
  }
  return { mimeType, image };
}
