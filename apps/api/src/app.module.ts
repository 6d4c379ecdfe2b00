import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ActorLoader, DatabaseModule, graphqlOptions, Log, PlatformModule, ServiceStatus, SETTINGS, Settings, TokenService } from '@civicgrid/platform';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { NotificationsModule } from '@civicgrid/notifications';
import { OrganizationsModule } from '@civicgrid/organizations';
import { VolunteeringModule } from '@civicgrid/volunteering';
import { CommunityModule } from '@civicgrid/community';
import { StaffingModule } from '@civicgrid/staffing';
import { IncentivesModule } from '@civicgrid/incentives';
import { MIGRATIONS } from './migrations';

/** The composition root: platform, database, GraphQL and one module per context. */
@Module({})
export class AppModule {
  static register(settings: Settings, databaseUrl: string, status: ServiceStatus): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(settings, status),
        DatabaseModule.forRoot({ url: databaseUrl, migrations: MIGRATIONS }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [OrganizationsModule],
          inject: [SETTINGS, TokenService, ActorLoader, Log],
          useFactory: (s: Settings, tokens: TokenService, actors: ActorLoader, log: Log) => graphqlOptions(s, tokens, actors, log),
        }),
        GeoModule,
        IdentityModule,
        NotificationsModule,
        OrganizationsModule,
        VolunteeringModule,
        CommunityModule,
        StaffingModule,
        IncentivesModule,
      ],
    };
  }
}
