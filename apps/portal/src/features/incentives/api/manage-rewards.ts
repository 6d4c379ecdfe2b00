import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { RewardsQuery } from './rewards';

export const CreateRewardMutation = graphql(`
  mutation CreateReward($input: CreateRewardInput!) {
    createReward(input: $input) {
      ...RewardCardFields
    }
  }
`);

export const UpdateRewardMutation = graphql(`
  mutation UpdateReward($input: UpdateRewardInput!) {
    updateReward(input: $input) {
      ...RewardCardFields
    }
  }
`);

export const SetRewardPausedMutation = graphql(`
  mutation SetRewardPaused($rewardId: ID!, $paused: Boolean!) {
    setRewardPaused(rewardId: $rewardId, paused: $paused) {
      ...RewardCardFields
    }
  }
`);

export function useCreateRewardMutation() {
  // A new reward joins the merchant's list.
  return useMutation(CreateRewardMutation, { refetchQueries: [RewardsQuery] });
}

export function useUpdateRewardMutation() {
  return useMutation(UpdateRewardMutation);
}

export function useSetRewardPausedMutation() {
  return useMutation(SetRewardPausedMutation);
}
