import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

/** Files for upload tests, made here: photos, scans and PDFs of a "protocol" page, and hostile variants. */

const pageSvg = (label: string, width: number, height: number) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fdfdf8"/>` +
      `<text x="40" y="80" font-size="40" font-family="sans-serif">${label}</text>` +
      Array.from({ length: 12 }, (_, i) => `<line x1="40" x2="${width - 40}" y1="${140 + i * 50}" y2="${140 + i * 50}" stroke="#333"/>`).join('') +
      `</svg>`,
  );

/** A JPEG "photo" of a protocol; `gps` writes camera EXIF with a position, `orientation` an EXIF orientation. */
export async function protocolPhoto(options: { label?: string; width?: number; height?: number; gps?: boolean; orientation?: number } = {}): Promise<Buffer> {
  const { label = 'Protocol of precinct 1', width = 800, height = 1000 } = options;
  let image = sharp(pageSvg(label, width, height)).jpeg({ quality: 80 });
  if (options.gps) {
    image = image.withExif({
      IFD0: { Make: 'TestPhone', Model: 'Camera 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 57/1 0/1' },
    });
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

/** A PNG "scan" of a protocol page. */
export const protocolScanPng = (label = 'Scanned protocol') =>
  sharp(pageSvg(label, 600, 800))
    .png()
    .toBuffer();

/** A PDF of `pages` protocol pages; `javascript` adds a document-level script. */
export async function protocolPdf(pages = 1, options: { javascript?: boolean; openActionScript?: boolean } = {}): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pages; number++) {
    const page = document.addPage([595, 842]);
    page.drawText(`Protocol page ${number}`, { x: 50, y: 780, size: 24, font });
  }
  if (options.javascript) document.addJavaScript('greeting', 'app.alert("hello")');
  if (options.openActionScript) {
    const action = document.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
    document.catalog.set(PDFName.of('OpenAction'), document.context.register(action));
  }
  // Object streams compress the dictionaries, as many real PDFs do.
  return Buffer.from(await document.save({ useObjectStreams: true }));
}

const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** An image bomb: a tiny PNG whose header claims `side`×`side` pixels (a few bytes of zeros compress to anything). */
export function pngBomb(side = 100_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG with a text chunk placed right after its header (where PDF readers look for "%PDF-"). */
export async function pngWithTextChunk(text: string): Promise<Buffer> {
  const png = await protocolScanPng();
  const afterHeader = 8 + 25; // signature + IHDR chunk
  return Buffer.concat([png.subarray(0, afterHeader), chunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')), png.subarray(afterHeader)]);
}

/** A JPEG with a comment segment right after its start marker. */
export function jpegWithComment(jpeg: Buffer, comment: string): Buffer {
  const body = Buffer.from(comment, 'latin1');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, body, jpeg.subarray(2)]);
}

/** A minimal ZIP archive (one stored file), as appended to images to make polyglots. */
export function zipArchive(name = 'payload.txt', content = 'hidden'): Buffer {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}
