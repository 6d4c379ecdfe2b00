import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@civicgrid/geo';
import { IdentityResolver, OfficialPostResolver, ProxyGrantResolver } from './identity.resolver';
import { SessionsService } from './sessions.service';
import { SignInGuard } from './sign-in-guard';
import { OfficialPostEntity } from './official-post.entity';
import { ProxyGrantEntity } from './proxy-grant.entity';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';
import { GridLeadersService } from './grid-leaders.service';
import { GridLeadersResolver } from './grid-leaders.resolver';
import { ConsentsService } from './consents.service';
import { PasswordResetsService } from './password-resets.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, ProxyGrantEntity, OfficialPostEntity]), GeoModule],
  providers: [UsersService, SessionsService, ConsentsService, PasswordResetsService, SignInGuard, GridLeadersService, IdentityResolver, ProxyGrantResolver, OfficialPostResolver, GridLeadersResolver],
  exports: [UsersService, GridLeadersService, PasswordResetsService],
})
export class IdentityModule {}
