import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { NotificationsModule } from '@civicgrid/notifications';
import { OrganizationsModule } from '@civicgrid/organizations';
import { VolunteeringModule } from '@civicgrid/volunteering';
import { OrganizationSealEntity, ServiceCertificateEntity } from './certificates/certificate.entity';
import { CertificatePdfController } from './certificates/certificate-pdf.controller';
import { CertificatesNotifier } from './certificates/certificates.notifier';
import { CertificatesResolver, OrganizationSealResolver } from './certificates/certificates.resolver';
import { CertificatesService } from './certificates/certificates.service';
import { HonourEntity, StarLevelReachedEntity } from './honours/honour.entity';
import { HonoursNotifier } from './honours/honours.notifier';
import { HonoursResolver, UserHonoursResolver } from './honours/honours.resolver';
import { HonoursService } from './honours/honours.service';

/**
 * Incentives: one double-entry ledger for points and time credits, street offices'
 * budgets and officials' incentives, rewards at alliance merchants, honours, star levels
 * and service-record certificates.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([HonourEntity, StarLevelReachedEntity, ServiceCertificateEntity, OrganizationSealEntity]),
    GeoModule,
    IdentityModule,
    NotificationsModule,
    OrganizationsModule,
    VolunteeringModule,
  ],
  controllers: [CertificatePdfController],
  providers: [HonoursService, HonoursNotifier, HonoursResolver, UserHonoursResolver, CertificatesService, CertificatesNotifier, CertificatesResolver, OrganizationSealResolver],
  exports: [HonoursService, CertificatesService],
})
export class IncentivesModule {}
