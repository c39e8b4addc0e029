import { graphql } from "../gql";

export const RUN = graphql(`
  query Run($runId: String!) {
    run(runId: $runId) {
      __typename
      ... on Run {
        runId
        pipelineName
        location
        status
        mode
        runConfig
        solidSelection
        stepSelection
        parentRunId
        rootRunId
        createdAt
        startTime
        endTime
        tags {
          key
          value
        }
        stepStats {
          stepKey
          status
          attempts
          startTime
          endTime
          error
        }
        stepFailures {
          ...RunEventFields
        }
      }
      ... on Error {
        message
      }
    }
    children: runs(filter: { parentRunId: $runId }, limit: 100) {
      __typename
      ... on RunConnection {
        count
        nodes {
          runId
          status
          stepSelection
        }
      }
    }
  }
`);

export const RUN_EVENT_FIELDS = graphql(`
  fragment RunEventFields on RunEvent {
    cursor
    stepKey
    eventType
    timestamp
    message
    level
    attempt
    error {
      className
      message
      stack
      cause
    }
  }
`);

export const RUN_EVENTS = graphql(`
  query RunEvents($runId: String!, $afterCursor: String, $limit: Int!) {
    runEvents(runId: $runId, afterCursor: $afterCursor, limit: $limit) {
      __typename
      ... on RunEventConnection {
        cursor
        hasMore
        events {
          ...RunEventFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const TERMINATE = graphql(`
  mutation TerminateRun($runId: String!) {
    terminateRun(runId: $runId) {
      __typename
      ... on TerminateRunSuccess {
        run {
          status
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const REEXECUTE = graphql(`
  mutation ReexecuteRun($runId: String!, $fromFailure: Boolean!, $stepSelection: [String!]) {
    reexecuteRun(runId: $runId, fromFailure: $fromFailure, stepSelection: $stepSelection) {
      __typename
      ... on LaunchRunSuccess {
        run {
          runId
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
