import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** What a certificate's PDF states: no identity-card number, no phone. */
export interface CertificateFacts {
  serial: string;
  holderName: string;
  organizationName: string;
  checkedInMinutes: number;
  reportedMinutes: number;
  periodFrom: Date;
  periodTo: Date;
  issuedAt: Date;
  /** the organisation's OWNER */
  personInCharge: string;
  /** who approved it */
  handler: string;
  seal: Buffer | null;
  /** the public verification page the QR code opens */
  verifyUrl: string;
}

// Noto Sans SC (SIL Open Font License) covers every Chinese character a name may hold;
// pdfkit embeds only the glyphs used, so a certificate stays small.
let font: Promise<Buffer> | undefined;
function cjkFont(): Promise<Buffer> {
  font ??= readFile(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  return font;
}

const DAY = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

/** The certificate as an A4 PDF. */
export async function renderCertificatePdf(f: CertificateFacts): Promise<Buffer> {
  const [fontData, qr] = await Promise.all([cjkFont(), QRCode.toBuffer(f.verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' })]);
  const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: `志愿服务记录证明 ${f.serial}`, Author: f.organizationName, Subject: 'Certificate of volunteer service record' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fontData);
  doc.font('cjk');
  const width = doc.page.width - 144;
  // The period's end is exclusive: the last day served is the one before it.
  const lastDay = new Date(f.periodTo.getTime() - 1);
  const total = f.checkedInMinutes + f.reportedMinutes;

  doc.fontSize(10).fillColor('#555555').text(`编号：${f.serial}`, 72, 56, { width, align: 'right' });
  doc.fillColor('#000000').fontSize(26).text('志愿服务记录证明', 72, 110, { width, align: 'center' });
  doc.fontSize(11).fillColor('#555555').text('Certificate of Volunteer Service Record', { width, align: 'center' });
  doc.moveDown(2).fillColor('#000000').fontSize(14);
  doc.text(
    `兹证明 ${f.holderName} 于 ${DAY.format(f.periodFrom)} 至 ${DAY.format(lastDay)} 期间，在 ${f.organizationName} 参加志愿服务，经本组织记录并核实，累计志愿服务时长 ${hoursAndMinutes(total)}。`,
    { width, lineGap: 8, indent: 28 },
  );
  doc.moveDown(1);
  doc.text(`其中：现场签到记录的服务 ${hoursAndMinutes(f.checkedInMinutes)}；补录的服务（纸质签到表等） ${hoursAndMinutes(f.reportedMinutes)}。`, { width, lineGap: 8, indent: 28 });
  doc.moveDown(1);
  doc.fontSize(11).fillColor('#555555').text('特此证明。本证明依据本组织的志愿服务记录出具（谁记录谁证明），不含身份证件号码等个人敏感信息，可扫描下方二维码核验真伪。', { width, lineGap: 6 });

  const signY = 540;
  doc.fillColor('#000000').fontSize(13);
  doc.text(`出具组织：${f.organizationName}`, 300, signY, { width: 223 });
  doc.text(`负责人：${f.personInCharge}`, 300, signY + 30, { width: 223 });
  doc.text(`经办人：${f.handler}`, 300, signY + 60, { width: 223 });
  doc.text(`出具日期：${DAY.format(f.issuedAt)}`, 300, signY + 90, { width: 223 });
  if (f.seal) {
    // Over the organisation's name, as a stamp is pressed on paper. A seal whose bytes
    // look right but do not decode leaves the certificate without it rather than without a PDF.
    doc.save().opacity(0.85);
    try {
      doc.image(f.seal, 380, signY - 40, { fit: [120, 120] });
    } catch {
      // printed without the seal
    }
    doc.restore();
  }

  doc.image(qr, 72, signY, { width: 110 });
  doc.fontSize(9).fillColor('#555555').text('扫码核验 Scan to verify', 72, signY + 116, { width: 160 });
  doc.text(f.verifyUrl, 72, signY + 130, { width: 200 });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
