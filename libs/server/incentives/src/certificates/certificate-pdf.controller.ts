import { Controller, ForbiddenException, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUuid, Public, RequestContext } from '@civicgrid/platform';
import { CertificatesService } from './certificates.service';

/**
 * The PDF of an issued certificate, at the signed link its holder gets in `pdfUrl`: the
 * link is the credential (a browser opening it sends no bearer header), so it expires.
 */
@Controller('api/certificates')
export class CertificatePdfController {
  constructor(private readonly certificates: CertificatesService) {}

  @Public()
  @Get(':file')
  async pdf(@Param('file') file: string, @Query('expires') expires: string | undefined, @Query('signature') signature: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const id = file.endsWith('.pdf') ? file.slice(0, -4) : '';
    if (!isUuid(id)) throw new NotFoundException();
    if (!this.certificates.checkPdfLink(id, expires, signature)) throw new ForbiddenException('This link is invalid or has expired');
    const found = await this.certificates.pdf(RequestContext.system(), id);
    if (!found) throw new NotFoundException();
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${found.serial}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(found.pdf);
  }
}
