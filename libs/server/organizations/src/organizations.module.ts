import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { ActorLoader } from '@civicgrid/platform';
import { PolicyActorLoader } from './actor-loader';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';
import { MembershipResolver, OrganizationsResolver, UserMembershipsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity, MembershipEntity]), GeoModule, IdentityModule],
  providers: [OrganizationsService, OrganizationsResolver, MembershipResolver, UserMembershipsResolver, { provide: ActorLoader, useClass: PolicyActorLoader }],
  exports: [OrganizationsService, ActorLoader],
})
export class OrganizationsModule {}
