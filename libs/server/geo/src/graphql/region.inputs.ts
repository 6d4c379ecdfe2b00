import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { REGION_LEVELS, RegionLevel } from '../region.entity';
import { RegionLevelEnum } from './region.object';

@InputType('CreateRegionInput', { description: 'A new region under its parent (administrators).' })
export class CreateRegionInput {
  @Field({ description: 'National code: 12 digits for a district, street or community (统计用区划代码), 15 for a grid (its community\'s 12 and its own 3); starts with the parent\'s code. Unique.' })
  @IsString()
  @MaxLength(20)
  code: string;
  @Field(() => ID, { nullable: true, description: 'The region above; none for a DISTRICT, which is a root.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
  @Field({ description: 'Name in Chinese, as used locally (1–100 characters).' })
  @IsString()
  @MaxLength(200)
  name: string;
  @Field(() => String, { nullable: true, description: 'English alias of the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;
  @Field(() => RegionLevelEnum, { description: 'Level: exactly one below the parent\'s.' })
  @IsIn(REGION_LEVELS)
  level: RegionLevel;
  @Field(() => Float, { nullable: true, description: 'Latitude of the centre (WGS84); given with longitude or not at all.' })
  @IsOptional()
  @IsNumber()
  latitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude of the centre (WGS84).' })
  @IsOptional()
  @IsNumber()
  longitude?: number | null;
}

@InputType('UpdateRegionInput', { description: 'Rename, relocate or move a region (administrators); omitted fields stay as they are.' })
export class UpdateRegionInput {
  @Field(() => ID, { description: 'The region.' })
  @IsUUID()
  id: string;
  @Field(() => String, { nullable: true, description: 'New name in Chinese.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;
  @Field(() => String, { nullable: true, description: 'New English alias; an empty string or null removes it.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Move the region (with everything below it) under another parent of the level above; its tasks, needs and alliances move with it. The code stays.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
  @Field(() => Float, { nullable: true, description: 'New latitude (WGS84); null clears both coordinates when longitude is null too.' })
  @IsOptional()
  @IsNumber()
  latitude?: number | null;
  @Field(() => Float, { nullable: true, description: 'New longitude (WGS84).' })
  @IsOptional()
  @IsNumber()
  longitude?: number | null;
}
