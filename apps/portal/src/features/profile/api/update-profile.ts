import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      displayName
      skills
      email
      languages
      locale
      elderMode
      birthDate
      availability {
        weekday
        startMinute
        endMinute
      }
      homeRegion {
        id
        name
        nameEn
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

export function useUpdateProfileMutation() {
  return useMutation(UpdateProfileMutation);
}
