import { graphql } from "../gql";

export const TICK_FIELDS = graphql(`
  fragment TickFields on Tick {
    tickId
    timestamp
    status
    runIds
    skipReason
    error
    cursor
  }
`);

export const PREVIEW_FIELDS = graphql(`
  fragment PreviewFields on PreviewResult {
    __typename
    ... on TickPreviews {
      nodes {
        timestamp
        skipReason
        error
        cursor
        runs {
          runKey
          runConfig
          tags {
            key
            value
          }
        }
      }
    }
    ... on Error {
      message
    }
  }
`);

export const INSTIGATORS = graphql(`
  query Instigators {
    schedules {
      __typename
      ... on ScheduleConnection {
        nodes {
          name
          location
          status
          definitionMissing
          pipelineName
          cronSchedule
          executionTimezone
          nextTickTimestamp
          lastTick {
            ...TickFields
          }
        }
      }
      ... on Error {
        message
      }
    }
    sensors {
      __typename
      ... on SensorConnection {
        nodes {
          name
          location
          status
          definitionMissing
          pipelineName
          minimumIntervalSeconds
          isPipelineFailureSensor
          cursor
          lastTickTimestamp
          lastTick {
            ...TickFields
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const SCHEDULE = graphql(`
  query Schedule($name: String!, $limit: Int!, $withPreview: Boolean!) {
    schedule(name: $name) {
      __typename
      ... on Schedule {
        name
        location
        status
        definitionMissing
        pipelineName
        cronSchedule
        executionTimezone
        partitionSet
        description
        nextTickTimestamp
        ticks(limit: $limit) {
          ...TickFields
        }
        preview(ticks: 3) @include(if: $withPreview) {
          ...PreviewFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const SENSOR = graphql(`
  query Sensor($name: String!, $limit: Int!, $withPreview: Boolean!) {
    sensor(name: $name) {
      __typename
      ... on Sensor {
        name
        location
        status
        definitionMissing
        pipelineName
        minimumIntervalSeconds
        isPipelineFailureSensor
        description
        cursor
        lastTickTimestamp
        ticks(limit: $limit) {
          ...TickFields
        }
        preview @include(if: $withPreview) {
          ...PreviewFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const START_SCHEDULE = graphql(`
  mutation StartSchedule($name: String!) {
    startSchedule(name: $name) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const STOP_SCHEDULE = graphql(`
  mutation StopSchedule($name: String!) {
    stopSchedule(name: $name) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const START_SENSOR = graphql(`
  mutation StartSensor($name: String!) {
    startSensor(name: $name) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export const STOP_SENSOR = graphql(`
  mutation StopSensor($name: String!) {
    stopSensor(name: $name) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);
