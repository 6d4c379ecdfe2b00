import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Region, RegionObject } from '@civicgrid/geo';

@ObjectType('GridLeaderContact', {
  description:
    "A grid leader (网格员) of the signed-in person's home grid, as the grid's residents reach them: the name and the phone whole, since a grid leader's phone is their work contact for the residents of their grid. Each phone given out is in the audit log.",
})
export class GridLeaderContactObject {
  @Field(() => ID, { description: 'Id of the grid leader.' })
  userId: string;
  @Field({ description: 'Name shown to others.' })
  displayName: string;
  @Field(() => String, { nullable: true, description: 'Phone to call, whole; null when the grid leader has none.' })
  phone: string | null;
  @Field(() => RegionObject, { description: 'The grid they lead (the person\'s home grid).' })
  grid: Region;
}
