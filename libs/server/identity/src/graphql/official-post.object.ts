import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('OfficialPost', { description: "An official's post: the region subtree they act on." })
export class OfficialPostObject {
  @Field(() => ID, { description: 'Id of the post.' })
  id: string;
  @Field({ description: 'Title, e.g. 街道办副主任 (deputy director of the street office).' })
  title: string;
}
