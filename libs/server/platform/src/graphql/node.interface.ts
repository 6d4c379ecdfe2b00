import { Field, ID, InterfaceType } from '@nestjs/graphql';

/** Anything with a stable global id. */
@InterfaceType('Node', { description: 'An object with a stable id.', resolveType: () => undefined })
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Stable id of the object.' })
  id: string;
}
