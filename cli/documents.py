"""The GraphQL documents the CLI sends (a test validates each against the schema)."""

ERROR_FIELDS = """
fragment ErrorFields on Error {
  message
  ... on RunConfigValidationError { errors { path message } }
}
"""

RUN_FIELDS = """
fragment RunFields on Run {
  runId pipelineName location status mode
  tags { key value }
  parentRunId rootRunId createdAt startTime endTime
}
"""

CODE_LOCATION_FIELDS = """
fragment CodeLocationFields on CodeLocation {
  name address status error serverId
  pipelines { name description solids { name } }
}
"""

CODE_LOCATIONS = (
    """
query CodeLocations {
  codeLocations {
    __typename
    ...ErrorFields
    ... on CodeLocationConnection { nodes { ...CodeLocationFields } }
  }
}
"""
    + ERROR_FIELDS
    + CODE_LOCATION_FIELDS
)

RELOAD_CODE_LOCATION = (
    """
mutation ReloadCodeLocation($name: String!) {
  reloadCodeLocation(name: $name) {
    __typename
    ...ErrorFields
    ... on CodeLocation { ...CodeLocationFields }
  }
}
"""
    + ERROR_FIELDS
    + CODE_LOCATION_FIELDS
)

PIPELINE = (
    """
query Pipeline($name: String!, $location: String) {
  pipeline(name: $name, location: $location) {
    __typename
    ...ErrorFields
    ... on Pipeline {
      name location description
      tags { key value }
      modes { name resources { name } }
      solids {
        name definitionName description
        mappedOver { solid output }
        inputs { name type sources { solid output kind } }
        outputs { name type isDynamic assetKey { key } }
      }
    }
  }
}
"""
    + ERROR_FIELDS
)

EXECUTION_PLAN = (
    """
query ExecutionPlan(
  $pipeline: String!, $location: String, $runConfig: JSON, $mode: String,
  $solidSelection: [String!]
) {
  executionPlan(
    pipeline: $pipeline, location: $location, runConfig: $runConfig, mode: $mode,
    solidSelection: $solidSelection
  ) {
    __typename
    ...ErrorFields
    ... on ExecutionPlan {
      pipeline mode
      steps {
        key solid isMapped
        inputs { name sources { solid output kind } }
        outputs { name isDynamic }
      }
    }
  }
}
"""
    + ERROR_FIELDS
)

RUNS = (
    """
query Runs($filter: RunsFilter, $limit: Int!, $cursor: String) {
  runs(filter: $filter, limit: $limit, cursor: $cursor) {
    __typename
    ...ErrorFields
    ... on RunConnection { cursor hasMore nodes { ...RunFields } }
  }
}
"""
    + ERROR_FIELDS
    + RUN_FIELDS
)

RUN = (
    """
query Run($runId: String!) {
  run(runId: $runId) {
    __typename
    ...ErrorFields
    ... on Run {
      ...RunFields
      runConfig solidSelection stepSelection updatedAt
      stepStats { stepKey status attempts startTime endTime error }
    }
  }
}
"""
    + ERROR_FIELDS
    + RUN_FIELDS
)

RUN_EVENTS = (
    """
query RunEvents($runId: String!, $afterCursor: String, $limit: Int!) {
  runEvents(runId: $runId, afterCursor: $afterCursor, limit: $limit) {
    __typename
    ...ErrorFields
    ... on RunEventConnection {
      cursor hasMore
      events {
        cursor stepKey eventType timestamp message level attempt mappingKey outputName data
        error { className message stack }
      }
    }
  }
  run(runId: $runId) {
    __typename
    ... on Run { status startTime endTime createdAt }
  }
}
"""
    + ERROR_FIELDS
)

LAUNCH_RUN = (
    """
mutation LaunchRun(
  $pipeline: String!, $location: String, $runConfig: JSON, $tags: [TagInput!], $mode: String,
  $solidSelection: [String!], $preset: String
) {
  launchRun(
    pipeline: $pipeline, location: $location, runConfig: $runConfig, tags: $tags, mode: $mode,
    solidSelection: $solidSelection, preset: $preset
  ) {
    __typename
    ...ErrorFields
    ... on LaunchRunSuccess { run { ...RunFields } }
  }
}
"""
    + ERROR_FIELDS
    + RUN_FIELDS
)

TERMINATE_RUN = (
    """
mutation TerminateRun($runId: String!) {
  terminateRun(runId: $runId) {
    __typename
    ...ErrorFields
    ... on TerminateRunSuccess { run { ...RunFields } }
  }
}
"""
    + ERROR_FIELDS
    + RUN_FIELDS
)

REEXECUTE_RUN = (
    """
mutation ReexecuteRun(
  $runId: String!, $fromFailure: Boolean!, $stepSelection: [String!], $location: String
) {
  reexecuteRun(
    runId: $runId, fromFailure: $fromFailure, stepSelection: $stepSelection, location: $location
  ) {
    __typename
    ...ErrorFields
    ... on LaunchRunSuccess { run { ...RunFields } }
  }
}
"""
    + ERROR_FIELDS
    + RUN_FIELDS
)

# Lower-case: the documents test validates every upper-case name as a whole document.
_backfill_fields = """
fragment BackfillFields on Backfill {
  backfillId partitionSet location status fromFailure error createdAt updatedAt
  tags { key value }
  progress {
    requested submitted skipped queued inProgress succeeded failed canceled done finished state
  }
}
"""

PARTITION_SETS = (
    """
query PartitionSets {
  partitionSets {
    __typename
    ...ErrorFields
    ... on PartitionSetConnection {
      nodes {
        name location pipelineName mode solidSelection description
        partitions(limit: 1) {
          __typename
          ...ErrorFields
          ... on PartitionConnection { count }
        }
      }
    }
  }
}
"""
    + ERROR_FIELDS
)

STATUS_MATRIX = (
    """
query StatusMatrix($partitionSet: String!) {
  statusMatrix(partitionSet: $partitionSet) {
    __typename
    ...ErrorFields
    ... on StatusMatrix { partitionSet solids rows { partition statuses } }
  }
}
"""
    + ERROR_FIELDS
)

PARTITION_RUNS = (
    """
query PartitionRuns(
  $partitionSet: String!, $partition: String!, $limit: Int!, $cursor: String
) {
  partitionRuns(
    partitionSet: $partitionSet, partition: $partition, limit: $limit, cursor: $cursor
  ) {
    __typename
    ...ErrorFields
    ... on RunConnection { count cursor hasMore nodes { ...RunFields } }
  }
}
"""
    + ERROR_FIELDS
    + RUN_FIELDS
)

LAUNCH_BACKFILL = (
    """
mutation LaunchBackfill(
  $partitionSet: String!, $partitions: [String!], $fromPartition: String, $toPartition: String,
  $all: Boolean!, $fromFailure: Boolean!, $tags: [TagInput!]
) {
  launchBackfill(
    partitionSet: $partitionSet, partitions: $partitions, fromPartition: $fromPartition,
    toPartition: $toPartition, all: $all, fromFailure: $fromFailure, tags: $tags
  ) {
    __typename
    ...ErrorFields
    ... on LaunchBackfillSuccess { backfill { ...BackfillFields } }
  }
}
"""
    + ERROR_FIELDS
    + _backfill_fields
)

BACKFILLS = (
    """
query Backfills($status: [BackfillStatus!], $limit: Int!, $cursor: String) {
  backfills(status: $status, limit: $limit, cursor: $cursor) {
    __typename
    ...ErrorFields
    ... on BackfillConnection { cursor hasMore nodes { ...BackfillFields } }
  }
}
"""
    + ERROR_FIELDS
    + _backfill_fields
)

BACKFILL = (
    """
query Backfill($id: String!) {
  backfill(id: $id) {
    __typename
    ...ErrorFields
    ... on Backfill { partitionNames ...BackfillFields }
  }
}
"""
    + ERROR_FIELDS
    + _backfill_fields
)

BACKFILL_PARTITIONS = (
    """
query BackfillPartitions($id: String!) {
  backfill(id: $id) {
    __typename
    ...ErrorFields
    ... on Backfill { partitionStatuses { partition status runId } }
  }
}
"""
    + ERROR_FIELDS
)

CANCEL_BACKFILL = (
    """
mutation CancelBackfill($backfillId: String!, $terminate: Boolean!) {
  cancelBackfill(backfillId: $backfillId, terminate: $terminate) {
    __typename
    ...ErrorFields
    ... on CancelBackfillSuccess { backfill { ...BackfillFields } }
  }
}
"""
    + ERROR_FIELDS
    + _backfill_fields
)

BACKFILL_PROGRESS = (
    """
query BackfillProgress($id: String!) {
  backfill(id: $id) {
    __typename
    ...ErrorFields
    ... on Backfill {
      backfillId status error daemonHeartbeatAge
      progress {
        requested submitted skipped queued inProgress succeeded failed canceled done finished state
      }
    }
  }
}
"""
    + ERROR_FIELDS
)

_materialization_fields = """
fragment MaterializationFields on AssetMaterialization {
  cursor runId stepKey timestamp partition outputName description metadata
  parents { key }
}
"""

ASSETS = (
    """
query Assets($prefix: String) {
  assets(prefix: $prefix) {
    __typename
    ...ErrorFields
    ... on AssetConnection {
      nodes {
        key { key } materializationCount wipedAt
        latestMaterialization { ...MaterializationFields }
        definedBy { location pipeline solid output }
      }
    }
  }
}
"""
    + ERROR_FIELDS
    + _materialization_fields
)

ASSET = (
    """
query Asset($key: String!, $limit: Int!, $cursor: String, $partition: String) {
  asset(key: $key) {
    __typename
    ...ErrorFields
    ... on Asset {
      key { key } materializationCount wipedAt
      definedBy { location pipeline solid output }
      materializations(limit: $limit, cursor: $cursor, partition: $partition) {
        __typename
        ...ErrorFields
        ... on AssetMaterializationConnection {
          cursor hasMore nodes { ...MaterializationFields }
        }
      }
    }
  }
}
"""
    + ERROR_FIELDS
    + _materialization_fields
)

ASSET_LINEAGE = (
    """
query AssetLineage($key: String!, $direction: LineageDirection!, $depth: Int) {
  asset(key: $key) {
    __typename
    ...ErrorFields
    ... on Asset {
      lineage(direction: $direction, depth: $depth) {
        __typename
        ...ErrorFields
        ... on AssetLineage {
          direction depth
          nodes {
            key { key } above { key } depth via repeated truncated
            latestMaterialization { runId timestamp partition }
          }
        }
      }
    }
  }
}
"""
    + ERROR_FIELDS
)

WIPE_ASSET = (
    """
mutation WipeAsset($key: String!) {
  wipeAsset(key: $key) {
    __typename
    ...ErrorFields
    ... on WipeAssetSuccess { key { key } wiped }
  }
}
"""
    + ERROR_FIELDS
)

SCHEDULE_FIELDS = """
fragment ScheduleFields on Schedule {
  name location status definitionMissing pipelineName cronSchedule executionTimezone
  partitionSet nextTickTimestamp
  lastTick { tickId timestamp status runIds skipReason error }
}
"""

SENSOR_FIELDS = """
fragment SensorFields on Sensor {
  name location status definitionMissing pipelineName minimumIntervalSeconds
  isPipelineFailureSensor cursor lastTickTimestamp
  lastTick { tickId timestamp status runIds skipReason error cursor }
}
"""

PREVIEW_FIELDS = """
fragment PreviewFields on PreviewResult {
  __typename
  ...ErrorFields
  ... on TickPreviews {
    nodes { timestamp skipReason error cursor runs { runKey runConfig tags { key value } } }
  }
}
"""

SCHEDULES = (
    """
query Schedules {
  schedules { __typename ...ErrorFields ... on ScheduleConnection { nodes { ...ScheduleFields } } }
}
"""
    + ERROR_FIELDS
    + SCHEDULE_FIELDS
)

SENSORS = (
    """
query Sensors {
  sensors { __typename ...ErrorFields ... on SensorConnection { nodes { ...SensorFields } } }
}
"""
    + ERROR_FIELDS
    + SENSOR_FIELDS
)


def _set_status(field: str, kind: str, fields: str) -> str:
    """A start/stop mutation returning the schedule or sensor."""
    return (
        f"""
mutation {field[0].upper() + field[1:]}($name: String!) {{
  {field}(name: $name) {{ __typename ...ErrorFields ... on {kind} {{ ...{kind}Fields }} }}
}}
"""
        + ERROR_FIELDS
        + fields
    )


START_SCHEDULE = _set_status("startSchedule", "Schedule", SCHEDULE_FIELDS)
STOP_SCHEDULE = _set_status("stopSchedule", "Schedule", SCHEDULE_FIELDS)
START_SENSOR = _set_status("startSensor", "Sensor", SENSOR_FIELDS)
STOP_SENSOR = _set_status("stopSensor", "Sensor", SENSOR_FIELDS)

PREVIEW_SCHEDULE = (
    """
query PreviewSchedule($name: String!, $count: Int!) {
  schedule(name: $name) {
    __typename ...ErrorFields
    ... on Schedule { preview(ticks: $count) { ...PreviewFields } }
  }
}
"""
    + ERROR_FIELDS
    + PREVIEW_FIELDS
)

PREVIEW_SENSOR = (
    """
query PreviewSensor($name: String!, $cursor: String) {
  sensor(name: $name) {
    __typename ...ErrorFields
    ... on Sensor { preview(cursor: $cursor) { ...PreviewFields } }
  }
}
"""
    + ERROR_FIELDS
    + PREVIEW_FIELDS
)
