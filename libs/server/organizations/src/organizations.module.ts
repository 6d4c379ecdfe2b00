import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { NotificationsModule } from '@civicgrid/notifications';
import { ActorLoader } from '@civicgrid/platform';
import { PolicyActorLoader } from './actor-loader';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';
import { MembershipResolver, OrganizationsResolver, UserMembershipsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { MembershipsService } from './memberships.service';
import { AllianceEntity, AllianceMemberEntity, PledgeActivityEntity } from './alliance.entity';
import { AlliancesService } from './alliances.service';
import { OrganizationsNotifier } from './organizations.notifier';
import { AllianceMemberResolver, AllianceResolver, OrganizationAlliancesResolver, PledgeActivityResolver } from './alliances.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity, MembershipEntity, AllianceEntity, AllianceMemberEntity, PledgeActivityEntity]), GeoModule, IdentityModule, NotificationsModule],
  providers: [
    OrganizationsService,
    MembershipsService,
    AlliancesService,
    OrganizationsNotifier,
    AllianceResolver,
    AllianceMemberResolver,
    PledgeActivityResolver,
    OrganizationAlliancesResolver,
    OrganizationsResolver,
    MembershipResolver,
    UserMembershipsResolver,
    { provide: ActorLoader, useClass: PolicyActorLoader },
  ],
  exports: [OrganizationsService, MembershipsService, AlliancesService, ActorLoader],
})
export class OrganizationsModule {}
