import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NodeInterface } from '@civicgrid/platform';
import { RegionLevel } from '../region.entity';

export const RegionLevelEnum = { DISTRICT: 'DISTRICT', STREET: 'STREET', COMMUNITY: 'COMMUNITY', GRID: 'GRID' } as const;
registerEnumType(RegionLevelEnum, {
  name: 'RegionLevel',
  description: 'Level of a region in the grid-management tree.',
  valuesMap: {
    DISTRICT: { description: 'A district (区/县).' },
    STREET: { description: 'A street office or township (街道/乡镇).' },
    COMMUNITY: { description: 'A community or village (社区/村).' },
    GRID: { description: 'A grid, the smallest unit, with its grid leader (网格).' },
  },
});

@ObjectType('Region', { implements: () => [NodeInterface], description: 'A node of the region tree: district, street, community or grid.' })
export class RegionObject {
  @Field(() => ID, { description: 'Stable id of the region.' })
  id: string;
  @Field({ description: 'Name in Chinese, as used locally.' })
  name: string;
  @Field(() => String, { nullable: true, description: 'English alias of the name.' })
  nameEn: string | null;
  @Field({ description: 'National code: 12 digits (统计用区划代码) for a district, street or community; 15 for a grid (its community\'s code and a 3-digit number).' })
  code: string;
  @Field(() => RegionLevelEnum, { description: 'Level in the tree.' })
  level: RegionLevel;
  @Field(() => Float, { nullable: true, description: 'Latitude of the centre (WGS84).' })
  latitude: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude of the centre (WGS84).' })
  longitude: number | null;
}
