import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The signed-in person's home grid (with its parents), the board's default region. */
export const BoardViewerQuery = graphql(`
  query BoardViewer {
    me {
      id
      skills
      homeRegion {
        id
        parent {
          id
          parent {
            id
            parent {
              id
            }
          }
        }
      }
    }
  }
`);

export function useBoardViewer(skip: boolean) {
  return useQuery(BoardViewerQuery, { skip, fetchPolicy: 'cache-first' });
}
