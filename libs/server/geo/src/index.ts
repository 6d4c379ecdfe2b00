export { GeoModule } from './geo.module';
export { GeoService } from './geo.service';
export { RegionObject, RegionLevelEnum } from './graphql/region.object';
export type { RegionLevel } from './region.entity';
export type { RegionEntity as Region } from './region.entity';
export { RegionsAdminService, RegionImportError, describeProblem, REGION_CSV_COLUMNS } from './regions-admin.service';
export type { CreateRegionData, UpdateRegionData, RegionImportProblem, RegionImportSummary } from './regions-admin.service';
export { REGION_CODE_PATTERNS, codeFitsLevel, regionCodeCheckSql, regionLevelRankSql } from './region-codes';
