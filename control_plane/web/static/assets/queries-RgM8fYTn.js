import{n as e}from"./index-UtIBear6.js";e(`
  fragment BackfillFields on Backfill {
    backfillId
    partitionSet
    location
    status
    fromFailure
    error
    createdAt
    tags {
      key
      value
    }
    progress {
      requested
      submitted
      skipped
      queued
      inProgress
      succeeded
      failed
      canceled
      done
      finished
      state
    }
  }
`);var t=e(`
  query Backfill($id: String!, $withPartitions: Boolean!) {
    backfill(id: $id) {
      __typename
      ... on Backfill {
        ...BackfillFields
        daemonHeartbeatAge
        partitionStatuses @include(if: $withPartitions) {
          partition
          status
          runId
        }
      }
      ... on Error {
        message
      }
    }
  }
`),n=e(`
  mutation CancelBackfill($id: String!, $terminate: Boolean!) {
    cancelBackfill(backfillId: $id, terminate: $terminate) {
      __typename
      ... on CancelBackfillSuccess {
        backfill {
          status
        }
      }
      ... on Error {
        message
      }
    }
  }
`);export{n,t};