export { IdentityModule } from './identity.module';
export { UsersService } from './users.service';
export { SessionsService } from './sessions.service';
export { UserObject, RoleEnum, AvailabilityWindowObject } from './graphql/user.object';
export { UserConnection } from './identity.resolver';
export { maskPhone, normalizeMainlandMobile } from './phone';
export { hashPassword } from './passwords';
export type { UserEntity as User } from './user.entity';
