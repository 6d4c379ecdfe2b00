import { InvalidInputError } from '@civicgrid/platform';
import { parseSealDataUrl, SEAL_MAX_BYTES } from './seal-image';

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const url = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
};

describe('parseSealDataUrl', () => {
  it('should take a PNG or a JPEG whose bytes match its label', () => {
    const png = Buffer.concat([PNG_HEAD, Buffer.alloc(10, 1)]);
    expect(parseSealDataUrl(url('image/png', png))).toEqual({ mimeType: 'image/png', image: png });
    const jpeg = Buffer.concat([JPEG_HEAD, Buffer.alloc(10, 1)]);
    expect(parseSealDataUrl(url('image/jpeg', jpeg))).toEqual({ mimeType: 'image/jpeg', image: jpeg });
  });

  it.each([
    ['a PNG labelled JPEG', url('image/jpeg', Buffer.concat([PNG_HEAD, Buffer.alloc(10)])), 'seal.notImage'],
    ['a JPEG labelled PNG', url('image/png', Buffer.concat([JPEG_HEAD, Buffer.alloc(10)])), 'seal.notImage'],
    ['a GIF', url('image/gif', Buffer.from('GIF89a0000')), 'seal.notImage'],
    ['SVG text', url('image/svg+xml', Buffer.from('<svg/>')), 'seal.notImage'],
    ['no data URL at all', 'https://example.org/seal.png', 'seal.notImage'],
    ['the magic number alone', url('image/png', PNG_HEAD), 'seal.notImage'],
    ['one byte over 300 kB', url('image/png', Buffer.concat([PNG_HEAD, Buffer.alloc(SEAL_MAX_BYTES - 7)])), 'seal.tooLarge'],
  ])('should refuse %s', (_what, dataUrl, key) => {
    expect(refusal(() => parseSealDataUrl(dataUrl))).toMatchObject({ field: 'imageDataUrl', key });
    expect(refusal(() => parseSealDataUrl(dataUrl))).toBeInstanceOf(InvalidInputError);
  });

  it('should take exactly 300 kB', () => {
    const image = Buffer.concat([PNG_HEAD, Buffer.alloc(SEAL_MAX_BYTES - 8)]);
    expect(parseSealDataUrl(url('image/png', image)).image.length).toBe(SEAL_MAX_BYTES);
  });
});
