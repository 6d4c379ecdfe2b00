import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { RewardFilter } from '../../../gql/graphql';

export const REWARDS_PAGE_SIZE = 20;

/** A reward as its card shows it, in the catalogue and on the merchant's list. */
export const RewardCardFields = graphql(`
  fragment RewardCardFields on Reward {
    id
    title
    description
    pointsCost
    stock
    validUntil
    status
    viewerCanManage
    merchant {
      id
      name
      nameEn
    }
    alliance {
      id
      name
      nameEn
    }
  }
`);

/** Rewards on offer (ACTIVE ones; every status for the merchant's own admins with `merchantId`). */
export const RewardsQuery = graphql(`
  query Rewards($filter: RewardFilter, $first: Int, $after: String) {
    rewards(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...RewardCardFields
        }
      }
    }
  }
`);

/** Alliances to filter the catalogue by. */
export const RewardAlliancesQuery = graphql(`
  query RewardAlliances($regionId: ID) {
    alliances(regionId: $regionId, first: 100) {
      edges {
        cursor
        node {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export function useRewards(filter: RewardFilter) {
  return useQuery(RewardsQuery, { variables: { filter, first: REWARDS_PAGE_SIZE } });
}

export function useRewardAlliances(regionId: string | null) {
  return useQuery(RewardAlliancesQuery, { variables: { regionId } });
}
