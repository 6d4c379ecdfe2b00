import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoResolver } from './geo.resolver';
import { GeoService } from './geo.service';
import { RegionEntity } from './region.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity])],
  providers: [GeoService, GeoResolver],
  exports: [GeoService],
})
export class GeoModule {}
