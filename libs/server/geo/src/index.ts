export { GeoModule } from './geo.module';
export { GeoService } from './geo.service';
export { RegionObject, RegionLevelEnum } from './graphql/region.object';
export type { RegionLevel } from './region.entity';
export type { RegionEntity as Region } from './region.entity';
