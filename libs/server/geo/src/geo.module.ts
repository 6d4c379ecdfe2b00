import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoResolver } from './geo.resolver';
import { GeoService } from './geo.service';
import { RegionEntity } from './region.entity';
import { RegionsAdminService } from './regions-admin.service';

@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity])],
  providers: [GeoService, RegionsAdminService, GeoResolver],
  exports: [GeoService, RegionsAdminService],
})
export class GeoModule {}
