import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserObject, UsersService } from '@civicgrid/identity';
import { OrganizationObject, OrganizationsService } from '@civicgrid/organizations';
import type { Organization } from '@civicgrid/organizations';
import { Allow, Ctx, GraphQLContext, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import type { CertificateStatus } from './certificate.entity';
import { ServiceCertificateEntity } from './certificate.entity';
import { CertificatesService } from './certificates.service';
import {
  CertificateStatusEnum,
  CertificateVerificationObject,
  DecideCertificateInput,
  RequestCertificateInput,
  ServiceCertificateConnection,
  ServiceCertificateObject,
} from './graphql/certificate.objects';

@Resolver(() => ServiceCertificateObject)
export class CertificatesResolver {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  @SignedIn()
  @Allow.self()
  @Query(() => ServiceCertificateConnection, { description: "The signed-in volunteer's certificates, newest request first." })
  myCertificates(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, nullable: true }) first?: number, @Args('after', { nullable: true }) after?: string) {
    return this.certificates.mine(ctx, { first, after });
  }

  @SignedIn()
  @Allow('certificate.manage')
  @Query(() => ServiceCertificateConnection, { description: "An organisation's certificates (its ADMIN+), newest request first; optionally in one status (REQUESTED: the queue)." })
  organizationCertificates(
    @Ctx() ctx: RequestContext,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('status', { type: () => CertificateStatusEnum, nullable: true }) status?: CertificateStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.certificates.ofOrganization(ctx, organizationId, status, { first, after });
  }

  @Public()
  @Allow.anyone()
  @Query(() => CertificateVerificationObject, { nullable: true, description: 'Check a certificate by its serial (public, rate-limited per client): null when no certificate has that serial.' })
  verifyCertificate(@Ctx() ctx: RequestContext, @Args('serial') serial: string) {
    return this.certificates.verify(ctx, serial);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => ServiceCertificateObject, {
    description: 'Ask an organisation that verified your service in a past period for a certificate of it (one open request per organisation and period); its admins are told.',
  })
  requestCertificate(@Ctx() ctx: RequestContext, @Args('input') input: RequestCertificateInput) {
    return this.certificates.request(ctx, input);
  }

  @SignedIn()
  @Allow('certificate.decide')
  @Mutation(() => ServiceCertificateObject, {
    description: "Approve (serial, minutes fixed, 7 days of publicity, then ISSUED) or reject with a reason a requested certificate: the organisation's ADMIN+, never for oneself; audited, the holder is told.",
  })
  decideCertificate(@Ctx() ctx: RequestContext, @Args('input') input: DecideCertificateInput) {
    return this.certificates.decide(ctx, input);
  }

  @SignedIn()
  @Allow('certificate.manage')
  @Mutation(() => ServiceCertificateObject, { description: "Revoke a certificate in publicity or issued, with a reason: the organisation's ADMIN+; audited, the holder is told." })
  revokeCertificate(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string) {
    return this.certificates.revoke(ctx, id, reason);
  }

  @SignedIn()
  @Allow('certificate.manage')
  @Mutation(() => OrganizationObject, { description: "Set the seal printed on the organisation's certificates (a PNG or JPEG data URL of at most 300 kB), or remove it with null: its ADMIN+; audited." })
  setOrganizationSeal(
    @Ctx() ctx: RequestContext,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('imageDataUrl', { type: () => String, nullable: true }) imageDataUrl?: string | null,
  ) {
    return this.certificates.setSeal(ctx, organizationId, imageDataUrl);
  }

  @ResolveField(() => UserObject, { description: 'The volunteer it is for.' })
  holder(c: ServiceCertificateEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, c.holderId);
  }

  @ResolveField(() => OrganizationObject, { description: '谁记录谁证明: the organisation that recorded the service and issues the certificate.' })
  organization(c: ServiceCertificateEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, c.organizationId);
  }

  @ResolveField(() => String, { nullable: true, description: 'For the holder, once ISSUED: a signed link `/api/certificates/<id>.pdf?…` to the PDF that works without a bearer header for an hour.' })
  pdfUrl(c: ServiceCertificateEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.certificates.pdfUrl(ctx, c);
  }
}

@Resolver(() => OrganizationObject)
export class OrganizationSealResolver {
  constructor(private readonly certificates: CertificatesService) {}

  @ResolveField(() => Boolean, { description: 'Whether the organisation has uploaded a seal to print on its certificates.' })
  hasSeal(org: Organization, _args: unknown, { ctx }: GraphQLContext) {
    return this.certificates.hasSeal(ctx, org.id);
  }
}
