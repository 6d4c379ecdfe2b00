import { graphql } from '../../gql';

/** One level of the region tree (district → street → community → grid), loaded as the user opens it. */
export const RegionsQuery = graphql(`
  query Regions($parentId: ID) {
    regions(parentId: $parentId) {
      id
      name
      nameEn
      level
    }
  }
`);
