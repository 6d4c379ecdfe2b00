import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { PinoLogger } from 'nestjs-pino';
import { ActorLoader, DatabaseModule, graphqlOptions, PlatformModule, ServiceStatus, SETTINGS, Settings, TokenService } from '@civicgrid/platform';
import { GeoModule } from '@civicgrid/geo';
import { IdentityModule } from '@civicgrid/identity';
import { NotificationsModule } from '@civicgrid/notifications';
import { OrganizationsModule } from '@civicgrid/organizations';
import { VolunteeringModule } from '@civicgrid/volunteering';
import { CommunityModule } from '@civicgrid/community';
import { StaffingModule } from '@civicgrid/staffing';
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
          inject: [SETTINGS, TokenService, ActorLoader, PinoLogger],
          useFactory: (s: Settings, tokens: TokenService, actors: ActorLoader, log: PinoLogger) => graphqlOptions(s, tokens, actors, log),
        }),
        GeoModule,
        IdentityModule,
        NotificationsModule,
        OrganizationsModule,
        VolunteeringModule,
        CommunityModule,
        StaffingModule,
      ],
    };
  }
}
