export { OrganizationsModule } from './organizations.module';
export { OrganizationsService } from './organizations.service';
export { OrganizationObject, MembershipObject, OrganizationKindEnum, MembershipRoleEnum } from './graphql/organization.object';
export type { OrganizationEntity as Organization, OrganizationKind } from './organization.entity';
export { MembershipsService } from './memberships.service';
export { AlliancesService } from './alliances.service';
export { ORGANIZATION_KINDS } from './organizations.notifier';
export { isRegistrationNumber } from './registration-number';
