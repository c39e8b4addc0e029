import { graphql } from "../gql";

/** The partitions tab: the set and its status matrix. */
export const PARTITION_SET = graphql(`
  query PartitionSetPage($name: String!) {
    partitionSet(name: $name) {
      __typename
      ... on PartitionSet {
        name
        location
        pipelineName
        mode
        description
        statusMatrix {
          __typename
          ... on StatusMatrix {
            solids
            partitions
            cells
            runIds
            runStatuses
          }
          ... on Error {
            message
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
