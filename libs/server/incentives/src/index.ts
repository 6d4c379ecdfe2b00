export { IncentivesModule } from './incentives.module';
export { HonoursService } from './honours/honours.service';
export { HONOUR_KINDS } from './honours/honours.notifier';
export { starLevelOf, STAR_LEVEL_HOURS } from './honours/star-levels';
export { CertificatesService, ISSUE_CERTIFICATES_JOB, PUBLICITY_DAYS, VERIFY_LIMIT } from './certificates/certificates.service';
export { CERTIFICATE_KINDS } from './certificates/certificates.notifier';
export { renderCertificatePdf } from './certificates/certificate-pdf';
export type { CertificateFacts } from './certificates/certificate-pdf';
