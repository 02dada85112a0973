import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { extensionLies, sniffType } from '@/lib/protocol-images/formats';
import { inspectUpload, isInspectedFile, type InspectedFile } from '@/lib/protocol-images/inspect';
import { UPLOAD_LIMITS } from '@/lib/protocol-images/limits';
import { isSha256, sha256Hex } from '@/lib/storage/hash';
import { jpegWithComment, pngBomb, pngWithTextChunk, protocolPdf, protocolPhoto, protocolScanPng, zipArchive } from '../support/protocol-images';

const refusalOf = async (name: string, bytes: Uint8Array) => {
  const result = await inspectUpload([{ name, bytes }]);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.refusals;
};
const codeOf = async (name: string, bytes: Uint8Array) => (await refusalOf(name, bytes))[0]!.code;
const accepted = async (files: { name: string; bytes: Uint8Array }[]): Promise<InspectedFile[]> => {
  const result = await inspectUpload(files);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusals)}`);
  return result.files;
};

describe('hash addressing', () => {
  it('addresses bytes by their SHA-256 in lower-case hex', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(isSha256('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')).toBe(true);
    for (const bad of ['BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD', 'ba78', '../etc/passwd', `${'a'.repeat(63)}g`])
      expect(isSha256(bad)).toBe(false);
  });
});

describe('type sniffing', () => {
  it('reads the type from the bytes, never from the name', async () => {
    expect(sniffType(await protocolPhoto())).toBe('image/jpeg');
    expect(sniffType(await protocolScanPng())).toBe('image/png');
    expect(sniffType(await protocolPdf())).toBe('application/pdf');
    expect(sniffType(new TextEncoder().encode('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffType(zipArchive())).toBeNull();
  });

  it('calls an extension a lie when it names another type or no accepted one', () => {
    expect(extensionLies('scan.PNG', 'image/png')).toBe(false);
    expect(extensionLies('photo.jpeg', 'image/jpeg')).toBe(false);
    expect(extensionLies('image', 'image/jpeg')).toBe(false);
    expect(extensionLies('protocol.pdf', 'image/png')).toBe(true);
    expect(extensionLies('photo.exe', 'image/jpeg')).toBe(true);
    expect(extensionLies('page.jpg.html', 'image/jpeg')).toBe(true);
  });
});

describe('inspecting an upload', () => {
  it('accepts a phone photo, keeps its pixels and orientation, drops EXIF and GPS, and makes an upright preview', async () => {
    const photo = await protocolPhoto({ gps: true, orientation: 6, width: 800, height: 600 });
    // The photo as the phone sent it: a GPS directory (tag 0x8825) and the camera's make.
    const gpsTag = (bytes: Buffer) => bytes.includes(Buffer.from([0x88, 0x25])) || bytes.includes(Buffer.from([0x25, 0x88]));
    expect(gpsTag((await sharp(photo).metadata()).exif!)).toBe(true);
    expect(photo.includes(Buffer.from('TestPhone'))).toBe(true);
    const [file] = await accepted([{ name: 'IMG_0001.JPG', bytes: photo }]);
    expect(isInspectedFile(file)).toBe(true);
    expect(file!.contentType).toBe('image/jpeg');
    expect(file!.receivedSha256).toBe(sha256Hex(photo));
    expect(file!.original.sha256).toBe(sha256Hex(file!.original.bytes));
    const stored = Buffer.from(file!.original.bytes);
    expect(stored.includes(Buffer.from('TestPhone'))).toBe(false);
    const metadata = await sharp(stored).metadata();
    expect(metadata.orientation).toBe(6);
    expect(metadata.exif?.length).toBeLessThan(40); // the orientation alone
    expect(gpsTag(metadata.exif!)).toBe(false);
    // The compressed image data is copied, not re-encoded: the same pixels decode from both.
    const [before, after] = await Promise.all([sharp(photo).raw().toBuffer(), sharp(stored).raw().toBuffer()]);
    expect(after.equals(before)).toBe(true);
    // Orientation 6 turns the 800×600 photo upright to 600×800 in the preview.
    expect(file!.pages).toHaveLength(1);
    expect([file!.pages[0]!.width, file!.pages[0]!.height]).toEqual([600, 800]);
    expect((await sharp(file!.pages[0]!.bytes).metadata()).exif).toBeUndefined();
  });

  it('accepts a PNG scan without its text chunks', async () => {
    const png = await pngWithTextChunk('Scanner serial 12345');
    const [file] = await accepted([{ name: 'scan.png', bytes: png }]);
    expect(Buffer.from(file!.original.bytes).includes(Buffer.from('Scanner serial'))).toBe(false);
    const [before, after] = await Promise.all([sharp(png).raw().toBuffer(), sharp(file!.original.bytes).raw().toBuffer()]);
    expect(after.equals(before)).toBe(true);
  });

  it('accepts a PDF of up to four pages, stores it unchanged and renders a preview of every page', async () => {
    const pdf = await protocolPdf(2);
    const [file] = await accepted([{ name: 'protocol.pdf', bytes: pdf }]);
    expect(file!.original.sha256).toBe(sha256Hex(pdf));
    expect(file!.pages).toHaveLength(2);
    for (const page of file!.pages) {
      expect(page).not.toBeNull();
      expect(Math.max(page!.width, page!.height)).toBe(1600);
      // Something was drawn: the page is not blank white.
      const { channels } = await sharp(page!.bytes).stats();
      expect(channels[0]!.min).toBeLessThan(100);
    }
  });

  it('accepts several files up to four pages in all, and refuses a fifth page', async () => {
    const files = [
      { name: 'p1.jpg', bytes: await protocolPhoto() },
      { name: 'p2-3.pdf', bytes: await protocolPdf(2) },
      { name: 'p4.png', bytes: await protocolScanPng() },
    ];
    expect((await accepted(files)).flatMap((f) => f.pages)).toHaveLength(4);
    const result = await inspectUpload([...files, { name: 'p5.jpg', bytes: await protocolPhoto() }]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.refusals).toEqual([{ file: null, code: 'tooManyPages', values: { pages: '5', max: '4' } }]);
  });

  it('refuses every kind of bad input the issue lists, each with its own reason', async () => {
    const photo = await protocolPhoto();
    expect(await codeOf('empty.jpg', new Uint8Array())).toBe('empty');
    expect(await codeOf('huge.jpg', Buffer.concat([photo, Buffer.alloc(UPLOAD_LIMITS.maxFileBytes)]))).toBe('tooLarge');
    expect(await codeOf('protocol.pdf', photo)).toBe('lyingExtension');
    expect(await codeOf('photo.jpg', new TextEncoder().encode('<html><script>alert(1)</script></html>'))).toBe('unsupportedType');
    expect(await codeOf('photo.jpg', Buffer.concat([photo, zipArchive()]))).toBe('polyglot');
    expect(await codeOf('scan.png', Buffer.concat([await protocolScanPng(), Buffer.from('<script>alert(1)</script>')]))).toBe('polyglot');
    expect(await codeOf('scan.png', await pngWithTextChunk('%PDF-1.7 1 0 obj'))).toBe('polyglot');
    expect(await codeOf('photo.jpg', jpegWithComment(photo, '<html><script>alert(1)</script>'))).toBe('polyglot');
    expect(await codeOf('protocol.pdf', Buffer.concat([await protocolPdf(), zipArchive()]))).toBe('polyglot');
    expect(await codeOf('bomb.png', pngBomb())).toBe('tooManyPixels');
    expect(await codeOf('cut.jpg', photo.subarray(0, photo.length - 200))).toBe('damaged');
    expect(await codeOf('script.pdf', await protocolPdf(1, { javascript: true }))).toBe('pdfActiveContent');
    expect(await codeOf('open-action.pdf', await protocolPdf(1, { openActionScript: true }))).toBe('pdfActiveContent');
    expect(await codeOf('long.pdf', await protocolPdf(5))).toBe('tooManyPages');
  });

  it('finds active content however the PDF spells or hides it', async () => {
    const plain = (await protocolPdf(1)).toString('latin1');
    // A name escaped with #xx, outside any object stream.
    const escaped = plain.replace('%%EOF', '').trimEnd() + '\n9 0 obj\n<< /S /J#61vaScript /JS (app.alert(1)) >>\nendobj\n%%EOF\n';
    expect(await codeOf('escaped.pdf', Buffer.from(escaped, 'latin1'))).toBe('pdfActiveContent');
    const encrypted = plain.replace('%%EOF', '').trimEnd() + '\ntrailer\n<< /Encrypt 9 0 R >>\n%%EOF\n';
    expect(await codeOf('encrypted.pdf', Buffer.from(encrypted, 'latin1'))).toBe('pdfEncrypted');
    // protocolPdf compresses its dictionaries into object streams: the script is found inside them.
    const hidden = await protocolPdf(1, { javascript: true });
    expect(hidden.includes(Buffer.from('/JavaScript'))).toBe(false);
    expect(await codeOf('hidden.pdf', hidden)).toBe('pdfActiveContent');
  });

  it('reports every refused file of an upload at once, and refuses empty and oversized uploads', async () => {
    const result = await inspectUpload([
      { name: 'ok.jpg', bytes: await protocolPhoto() },
      { name: 'empty.png', bytes: new Uint8Array() },
      { name: 'bomb.png', bytes: pngBomb() },
    ]);
    expect(!result.ok && result.refusals.map((r) => [r.file, r.code])).toEqual([
      ['empty.png', 'empty'],
      ['bomb.png', 'tooManyPixels'],
    ]);
    expect(!result.ok && result.refusals[1]!.values).toEqual({ width: '100000', height: '100000', max: '60' });
    expect(await inspectUpload([])).toEqual({ ok: false, refusals: [{ file: null, code: 'noFiles', values: {} }] });
    const five = await Promise.all(Array.from({ length: 5 }, () => protocolPhoto()));
    const tooMany = await inspectUpload(five.map((bytes, i) => ({ name: `${i}.jpg`, bytes })));
    expect(!tooMany.ok && tooMany.refusals[0]!.code).toBe('tooManyFiles');
  });

  it('marks only what it inspected as fit to store', async () => {
    const [file] = await accepted([{ name: 'photo.jpg', bytes: await protocolPhoto() }]);
    expect(isInspectedFile(file)).toBe(true);
    expect(isInspectedFile({ ...file })).toBe(false);
  });
});
