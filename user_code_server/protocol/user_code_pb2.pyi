from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SourceKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DIRECT: _ClassVar[SourceKind]
    MAPPED: _ClassVar[SourceKind]
    COLLECT: _ClassVar[SourceKind]

class ErrorKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    UNKNOWN: _ClassVar[ErrorKind]
    PIPELINE_NOT_FOUND: _ClassVar[ErrorKind]
    INVALID_SOLID_SELECTION: _ClassVar[ErrorKind]
    MODE_NOT_FOUND: _ClassVar[ErrorKind]
    USER_CODE_ERROR: _ClassVar[ErrorKind]
    REPOSITORY_NOT_LOADED: _ClassVar[ErrorKind]
    PARTITION_SET_NOT_FOUND: _ClassVar[ErrorKind]
    PARTITION_NOT_FOUND: _ClassVar[ErrorKind]

class EventType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ENGINE_EVENT: _ClassVar[EventType]
    STEP_START: _ClassVar[EventType]
    STEP_OUTPUT: _ClassVar[EventType]
    STEP_SUCCESS: _ClassVar[EventType]
    STEP_FAILURE: _ClassVar[EventType]
    STEP_SKIPPED: _ClassVar[EventType]
    STEP_UP_FOR_RETRY: _ClassVar[EventType]
    STEP_LOG: _ClassVar[EventType]
    STEP_STDOUT: _ClassVar[EventType]
    STEP_STDERR: _ClassVar[EventType]
    TYPE_CHECK: _ClassVar[EventType]
    DYNAMIC_OUTPUT: _ClassVar[EventType]
    ASSET_MATERIALIZATION: _ClassVar[EventType]
    RUN_ENQUEUED: _ClassVar[EventType]
    RUN_STARTING: _ClassVar[EventType]
    RUN_START: _ClassVar[EventType]
    RUN_SUCCESS: _ClassVar[EventType]
    RUN_FAILURE: _ClassVar[EventType]
    RUN_CANCELING: _ClassVar[EventType]
    RUN_CANCELED: _ClassVar[EventType]
DIRECT: SourceKind
MAPPED: SourceKind
COLLECT: SourceKind
UNKNOWN: ErrorKind
PIPELINE_NOT_FOUND: ErrorKind
INVALID_SOLID_SELECTION: ErrorKind
MODE_NOT_FOUND: ErrorKind
USER_CODE_ERROR: ErrorKind
REPOSITORY_NOT_LOADED: ErrorKind
PARTITION_SET_NOT_FOUND: ErrorKind
PARTITION_NOT_FOUND: ErrorKind
ENGINE_EVENT: EventType
STEP_START: EventType
STEP_OUTPUT: EventType
STEP_SUCCESS: EventType
STEP_FAILURE: EventType
STEP_SKIPPED: EventType
STEP_UP_FOR_RETRY: EventType
STEP_LOG: EventType
STEP_STDOUT: EventType
STEP_STDERR: EventType
TYPE_CHECK: EventType
DYNAMIC_OUTPUT: EventType
ASSET_MATERIALIZATION: EventType
RUN_ENQUEUED: EventType
RUN_STARTING: EventType
RUN_START: EventType
RUN_SUCCESS: EventType
RUN_FAILURE: EventType
RUN_CANCELING: EventType
RUN_CANCELED: EventType

class PingRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PingReply(_message.Message):
    __slots__ = ("server_id", "sdk_version", "load_error", "repository_name", "pid")
    SERVER_ID_FIELD_NUMBER: _ClassVar[int]
    SDK_VERSION_FIELD_NUMBER: _ClassVar[int]
    LOAD_ERROR_FIELD_NUMBER: _ClassVar[int]
    REPOSITORY_NAME_FIELD_NUMBER: _ClassVar[int]
    PID_FIELD_NUMBER: _ClassVar[int]
    server_id: str
    sdk_version: str
    load_error: str
    repository_name: str
    pid: int
    def __init__(self, server_id: _Optional[str] = ..., sdk_version: _Optional[str] = ..., load_error: _Optional[str] = ..., repository_name: _Optional[str] = ..., pid: _Optional[int] = ...) -> None: ...

class SnapshotRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SnapshotChunk(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class RepositorySnapshot(_message.Message):
    __slots__ = ("name", "pipelines", "partition_sets", "schedules", "sensors")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PIPELINES_FIELD_NUMBER: _ClassVar[int]
    PARTITION_SETS_FIELD_NUMBER: _ClassVar[int]
    SCHEDULES_FIELD_NUMBER: _ClassVar[int]
    SENSORS_FIELD_NUMBER: _ClassVar[int]
    name: str
    pipelines: _containers.RepeatedCompositeFieldContainer[PipelineSnapshot]
    partition_sets: _containers.RepeatedCompositeFieldContainer[PartitionSetSnapshot]
    schedules: _containers.RepeatedCompositeFieldContainer[ScheduleSnapshot]
    sensors: _containers.RepeatedCompositeFieldContainer[SensorSnapshot]
    def __init__(self, name: _Optional[str] = ..., pipelines: _Optional[_Iterable[_Union[PipelineSnapshot, _Mapping]]] = ..., partition_sets: _Optional[_Iterable[_Union[PartitionSetSnapshot, _Mapping]]] = ..., schedules: _Optional[_Iterable[_Union[ScheduleSnapshot, _Mapping]]] = ..., sensors: _Optional[_Iterable[_Union[SensorSnapshot, _Mapping]]] = ...) -> None: ...

class ScheduleSnapshot(_message.Message):
    __slots__ = ("name", "pipeline_name", "cron_schedule", "execution_timezone", "mode", "solid_selection", "description", "partition_set")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_NAME_FIELD_NUMBER: _ClassVar[int]
    CRON_SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    SOLID_SELECTION_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PARTITION_SET_FIELD_NUMBER: _ClassVar[int]
    name: str
    pipeline_name: str
    cron_schedule: str
    execution_timezone: str
    mode: str
    solid_selection: _containers.RepeatedScalarFieldContainer[str]
    description: str
    partition_set: str
    def __init__(self, name: _Optional[str] = ..., pipeline_name: _Optional[str] = ..., cron_schedule: _Optional[str] = ..., execution_timezone: _Optional[str] = ..., mode: _Optional[str] = ..., solid_selection: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ..., partition_set: _Optional[str] = ...) -> None: ...

class SensorSnapshot(_message.Message):
    __slots__ = ("name", "pipeline_name", "minimum_interval_seconds", "mode", "solid_selection", "description", "is_pipeline_failure_sensor")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_NAME_FIELD_NUMBER: _ClassVar[int]
    MINIMUM_INTERVAL_SECONDS_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    SOLID_SELECTION_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    IS_PIPELINE_FAILURE_SENSOR_FIELD_NUMBER: _ClassVar[int]
    name: str
    pipeline_name: str
    minimum_interval_seconds: float
    mode: str
    solid_selection: _containers.RepeatedScalarFieldContainer[str]
    description: str
    is_pipeline_failure_sensor: bool
    def __init__(self, name: _Optional[str] = ..., pipeline_name: _Optional[str] = ..., minimum_interval_seconds: _Optional[float] = ..., mode: _Optional[str] = ..., solid_selection: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ..., is_pipeline_failure_sensor: _Optional[bool] = ...) -> None: ...

class PipelineSnapshot(_message.Message):
    __slots__ = ("name", "description", "solids", "modes", "tags", "presets")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SOLIDS_FIELD_NUMBER: _ClassVar[int]
    MODES_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    PRESETS_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    solids: _containers.RepeatedCompositeFieldContainer[SolidSnapshot]
    modes: _containers.RepeatedCompositeFieldContainer[ModeSnapshot]
    tags: _containers.ScalarMap[str, str]
    presets: _containers.RepeatedCompositeFieldContainer[PresetSnapshot]
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., solids: _Optional[_Iterable[_Union[SolidSnapshot, _Mapping]]] = ..., modes: _Optional[_Iterable[_Union[ModeSnapshot, _Mapping]]] = ..., tags: _Optional[_Mapping[str, str]] = ..., presets: _Optional[_Iterable[_Union[PresetSnapshot, _Mapping]]] = ...) -> None: ...

class PresetSnapshot(_message.Message):
    __slots__ = ("name", "run_config_json", "mode", "solid_selection", "tags")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    RUN_CONFIG_JSON_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    SOLID_SELECTION_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    name: str
    run_config_json: str
    mode: str
    solid_selection: _containers.RepeatedScalarFieldContainer[str]
    tags: _containers.ScalarMap[str, str]
    def __init__(self, name: _Optional[str] = ..., run_config_json: _Optional[str] = ..., mode: _Optional[str] = ..., solid_selection: _Optional[_Iterable[str]] = ..., tags: _Optional[_Mapping[str, str]] = ...) -> None: ...

class SolidSnapshot(_message.Message):
    __slots__ = ("name", "definition_name", "description", "inputs", "outputs", "config_schema_json", "required_resource_keys", "tags", "retry_policy", "mapped_over")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEFINITION_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    INPUTS_FIELD_NUMBER: _ClassVar[int]
    OUTPUTS_FIELD_NUMBER: _ClassVar[int]
    CONFIG_SCHEMA_JSON_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_RESOURCE_KEYS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    RETRY_POLICY_FIELD_NUMBER: _ClassVar[int]
    MAPPED_OVER_FIELD_NUMBER: _ClassVar[int]
    name: str
    definition_name: str
    description: str
    inputs: _containers.RepeatedCompositeFieldContainer[InputSnapshot]
    outputs: _containers.RepeatedCompositeFieldContainer[OutputSnapshot]
    config_schema_json: str
    required_resource_keys: _containers.RepeatedScalarFieldContainer[str]
    tags: _containers.ScalarMap[str, str]
    retry_policy: RetryPolicySnapshot
    mapped_over: _containers.RepeatedCompositeFieldContainer[OutputRef]
    def __init__(self, name: _Optional[str] = ..., definition_name: _Optional[str] = ..., description: _Optional[str] = ..., inputs: _Optional[_Iterable[_Union[InputSnapshot, _Mapping]]] = ..., outputs: _Optional[_Iterable[_Union[OutputSnapshot, _Mapping]]] = ..., config_schema_json: _Optional[str] = ..., required_resource_keys: _Optional[_Iterable[str]] = ..., tags: _Optional[_Mapping[str, str]] = ..., retry_policy: _Optional[_Union[RetryPolicySnapshot, _Mapping]] = ..., mapped_over: _Optional[_Iterable[_Union[OutputRef, _Mapping]]] = ...) -> None: ...

class OutputRef(_message.Message):
    __slots__ = ("solid", "output")
    SOLID_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELD_NUMBER: _ClassVar[int]
    solid: str
    output: str
    def __init__(self, solid: _Optional[str] = ..., output: _Optional[str] = ...) -> None: ...

class InputSource(_message.Message):
    __slots__ = ("solid", "output", "kind")
    SOLID_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    solid: str
    output: str
    kind: SourceKind
    def __init__(self, solid: _Optional[str] = ..., output: _Optional[str] = ..., kind: _Optional[_Union[SourceKind, str]] = ...) -> None: ...

class InputSnapshot(_message.Message):
    __slots__ = ("name", "type_name", "description", "has_default", "sources")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    HAS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    name: str
    type_name: str
    description: str
    has_default: bool
    sources: _containers.RepeatedCompositeFieldContainer[InputSource]
    def __init__(self, name: _Optional[str] = ..., type_name: _Optional[str] = ..., description: _Optional[str] = ..., has_default: _Optional[bool] = ..., sources: _Optional[_Iterable[_Union[InputSource, _Mapping]]] = ...) -> None: ...

class OutputSnapshot(_message.Message):
    __slots__ = ("name", "type_name", "description", "is_dynamic", "asset_key", "is_required")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    IS_DYNAMIC_FIELD_NUMBER: _ClassVar[int]
    ASSET_KEY_FIELD_NUMBER: _ClassVar[int]
    IS_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    name: str
    type_name: str
    description: str
    is_dynamic: bool
    asset_key: _containers.RepeatedScalarFieldContainer[str]
    is_required: bool
    def __init__(self, name: _Optional[str] = ..., type_name: _Optional[str] = ..., description: _Optional[str] = ..., is_dynamic: _Optional[bool] = ..., asset_key: _Optional[_Iterable[str]] = ..., is_required: _Optional[bool] = ...) -> None: ...

class ModeSnapshot(_message.Message):
    __slots__ = ("name", "description", "resources")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    resources: _containers.RepeatedCompositeFieldContainer[ResourceSnapshot]
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., resources: _Optional[_Iterable[_Union[ResourceSnapshot, _Mapping]]] = ...) -> None: ...

class ResourceSnapshot(_message.Message):
    __slots__ = ("name", "description", "config_schema_json")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_SCHEMA_JSON_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    config_schema_json: str
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., config_schema_json: _Optional[str] = ...) -> None: ...

class RetryPolicySnapshot(_message.Message):
    __slots__ = ("max_retries", "delay")
    MAX_RETRIES_FIELD_NUMBER: _ClassVar[int]
    DELAY_FIELD_NUMBER: _ClassVar[int]
    max_retries: int
    delay: float
    def __init__(self, max_retries: _Optional[int] = ..., delay: _Optional[float] = ...) -> None: ...

class PartitionSetSnapshot(_message.Message):
    __slots__ = ("name", "pipeline_name", "mode", "solid_selection", "description")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_NAME_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    SOLID_SELECTION_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    name: str
    pipeline_name: str
    mode: str
    solid_selection: _containers.RepeatedScalarFieldContainer[str]
    description: str
    def __init__(self, name: _Optional[str] = ..., pipeline_name: _Optional[str] = ..., mode: _Optional[str] = ..., solid_selection: _Optional[_Iterable[str]] = ..., description: _Optional[str] = ...) -> None: ...

class ExecutionPlanRequest(_message.Message):
    __slots__ = ("pipeline", "run_config_json", "solid_selection", "mode")
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    RUN_CONFIG_JSON_FIELD_NUMBER: _ClassVar[int]
    SOLID_SELECTION_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    pipeline: str
    run_config_json: str
    solid_selection: _containers.RepeatedScalarFieldContainer[str]
    mode: str
    def __init__(self, pipeline: _Optional[str] = ..., run_config_json: _Optional[str] = ..., solid_selection: _Optional[_Iterable[str]] = ..., mode: _Optional[str] = ...) -> None: ...

class ExecutionPlan(_message.Message):
    __slots__ = ("pipeline", "mode", "steps")
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    pipeline: str
    mode: str
    steps: _containers.RepeatedCompositeFieldContainer[StepSnapshot]
    def __init__(self, pipeline: _Optional[str] = ..., mode: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[StepSnapshot, _Mapping]]] = ...) -> None: ...

class StepSnapshot(_message.Message):
    __slots__ = ("solid", "mapped_over", "inputs", "outputs", "retry_policy", "tags")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SOLID_FIELD_NUMBER: _ClassVar[int]
    MAPPED_OVER_FIELD_NUMBER: _ClassVar[int]
    INPUTS_FIELD_NUMBER: _ClassVar[int]
    OUTPUTS_FIELD_NUMBER: _ClassVar[int]
    RETRY_POLICY_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    solid: str
    mapped_over: _containers.RepeatedCompositeFieldContainer[OutputRef]
    inputs: _containers.RepeatedCompositeFieldContainer[StepInput]
    outputs: _containers.RepeatedCompositeFieldContainer[StepOutput]
    retry_policy: RetryPolicySnapshot
    tags: _containers.ScalarMap[str, str]
    def __init__(self, solid: _Optional[str] = ..., mapped_over: _Optional[_Iterable[_Union[OutputRef, _Mapping]]] = ..., inputs: _Optional[_Iterable[_Union[StepInput, _Mapping]]] = ..., outputs: _Optional[_Iterable[_Union[StepOutput, _Mapping]]] = ..., retry_policy: _Optional[_Union[RetryPolicySnapshot, _Mapping]] = ..., tags: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StepInput(_message.Message):
    __slots__ = ("name", "sources")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    name: str
    sources: _containers.RepeatedCompositeFieldContainer[InputSource]
    def __init__(self, name: _Optional[str] = ..., sources: _Optional[_Iterable[_Union[InputSource, _Mapping]]] = ...) -> None: ...

class StepOutput(_message.Message):
    __slots__ = ("name", "is_dynamic", "is_required", "asset_key")
    NAME_FIELD_NUMBER: _ClassVar[int]
    IS_DYNAMIC_FIELD_NUMBER: _ClassVar[int]
    IS_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    ASSET_KEY_FIELD_NUMBER: _ClassVar[int]
    name: str
    is_dynamic: bool
    is_required: bool
    asset_key: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., is_dynamic: _Optional[bool] = ..., is_required: _Optional[bool] = ..., asset_key: _Optional[_Iterable[str]] = ...) -> None: ...

class ConfigError(_message.Message):
    __slots__ = ("path", "message")
    PATH_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    path: str
    message: str
    def __init__(self, path: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ErrorInfo(_message.Message):
    __slots__ = ("kind", "cls_name", "message", "stack", "cause")
    KIND_FIELD_NUMBER: _ClassVar[int]
    CLS_NAME_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STACK_FIELD_NUMBER: _ClassVar[int]
    CAUSE_FIELD_NUMBER: _ClassVar[int]
    kind: ErrorKind
    cls_name: str
    message: str
    stack: str
    cause: str
    def __init__(self, kind: _Optional[_Union[ErrorKind, str]] = ..., cls_name: _Optional[str] = ..., message: _Optional[str] = ..., stack: _Optional[str] = ..., cause: _Optional[str] = ...) -> None: ...

class ExecutionPlanReply(_message.Message):
    __slots__ = ("plan", "config_errors", "error")
    PLAN_FIELD_NUMBER: _ClassVar[int]
    CONFIG_ERRORS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    plan: ExecutionPlan
    config_errors: _containers.RepeatedCompositeFieldContainer[ConfigError]
    error: ErrorInfo
    def __init__(self, plan: _Optional[_Union[ExecutionPlan, _Mapping]] = ..., config_errors: _Optional[_Iterable[_Union[ConfigError, _Mapping]]] = ..., error: _Optional[_Union[ErrorInfo, _Mapping]] = ...) -> None: ...

class OutputHandle(_message.Message):
    __slots__ = ("run_id", "step_key", "output_name", "mapping_key")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_KEY_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_NAME_FIELD_NUMBER: _ClassVar[int]
    MAPPING_KEY_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    step_key: str
    output_name: str
    mapping_key: str
    def __init__(self, run_id: _Optional[str] = ..., step_key: _Optional[str] = ..., output_name: _Optional[str] = ..., mapping_key: _Optional[str] = ...) -> None: ...

class InputHandles(_message.Message):
    __slots__ = ("input_name", "handles", "is_collect")
    INPUT_NAME_FIELD_NUMBER: _ClassVar[int]
    HANDLES_FIELD_NUMBER: _ClassVar[int]
    IS_COLLECT_FIELD_NUMBER: _ClassVar[int]
    input_name: str
    handles: _containers.RepeatedCompositeFieldContainer[OutputHandle]
    is_collect: bool
    def __init__(self, input_name: _Optional[str] = ..., handles: _Optional[_Iterable[_Union[OutputHandle, _Mapping]]] = ..., is_collect: _Optional[bool] = ...) -> None: ...

class StepExecution(_message.Message):
    __slots__ = ("step_key", "attempt", "inputs")
    STEP_KEY_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    INPUTS_FIELD_NUMBER: _ClassVar[int]
    step_key: str
    attempt: int
    inputs: _containers.RepeatedCompositeFieldContainer[InputHandles]
    def __init__(self, step_key: _Optional[str] = ..., attempt: _Optional[int] = ..., inputs: _Optional[_Iterable[_Union[InputHandles, _Mapping]]] = ...) -> None: ...

class ExecuteStepsRequest(_message.Message):
    __slots__ = ("run_id", "pipeline", "mode", "run_config_json", "run_tags", "steps")
    class RunTagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    RUN_CONFIG_JSON_FIELD_NUMBER: _ClassVar[int]
    RUN_TAGS_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    pipeline: str
    mode: str
    run_config_json: str
    run_tags: _containers.ScalarMap[str, str]
    steps: _containers.RepeatedCompositeFieldContainer[StepExecution]
    def __init__(self, run_id: _Optional[str] = ..., pipeline: _Optional[str] = ..., mode: _Optional[str] = ..., run_config_json: _Optional[str] = ..., run_tags: _Optional[_Mapping[str, str]] = ..., steps: _Optional[_Iterable[_Union[StepExecution, _Mapping]]] = ...) -> None: ...

class StepEvent(_message.Message):
    __slots__ = ("step_key", "event_type", "timestamp", "message", "level", "output_name", "mapping_key", "error", "data_json", "attempt")
    STEP_KEY_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_NAME_FIELD_NUMBER: _ClassVar[int]
    MAPPING_KEY_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    DATA_JSON_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    step_key: str
    event_type: EventType
    timestamp: float
    message: str
    level: str
    output_name: str
    mapping_key: str
    error: ErrorInfo
    data_json: str
    attempt: int
    def __init__(self, step_key: _Optional[str] = ..., event_type: _Optional[_Union[EventType, str]] = ..., timestamp: _Optional[float] = ..., message: _Optional[str] = ..., level: _Optional[str] = ..., output_name: _Optional[str] = ..., mapping_key: _Optional[str] = ..., error: _Optional[_Union[ErrorInfo, _Mapping]] = ..., data_json: _Optional[str] = ..., attempt: _Optional[int] = ...) -> None: ...

class StepEventBatch(_message.Message):
    __slots__ = ("events",)
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[StepEvent]
    def __init__(self, events: _Optional[_Iterable[_Union[StepEvent, _Mapping]]] = ...) -> None: ...

class PartitionNamesRequest(_message.Message):
    __slots__ = ("partition_set",)
    PARTITION_SET_FIELD_NUMBER: _ClassVar[int]
    partition_set: str
    def __init__(self, partition_set: _Optional[str] = ...) -> None: ...

class PartitionNamesReply(_message.Message):
    __slots__ = ("names", "error")
    NAMES_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    error: ErrorInfo
    def __init__(self, names: _Optional[_Iterable[str]] = ..., error: _Optional[_Union[ErrorInfo, _Mapping]] = ...) -> None: ...

class PartitionRunRequestsRequest(_message.Message):
    __slots__ = ("partition_set", "partition_names")
    PARTITION_SET_FIELD_NUMBER: _ClassVar[int]
    PARTITION_NAMES_FIELD_NUMBER: _ClassVar[int]
    partition_set: str
    partition_names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, partition_set: _Optional[str] = ..., partition_names: _Optional[_Iterable[str]] = ...) -> None: ...

class PartitionRunRequest(_message.Message):
    __slots__ = ("partition_name", "run_config_json", "tags")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PARTITION_NAME_FIELD_NUMBER: _ClassVar[int]
    RUN_CONFIG_JSON_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    partition_name: str
    run_config_json: str
    tags: _containers.ScalarMap[str, str]
    def __init__(self, partition_name: _Optional[str] = ..., run_config_json: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ...) -> None: ...

class PartitionRunRequestsReply(_message.Message):
    __slots__ = ("pipeline", "mode", "solid_selection", "requests", "error")
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    SOLID_SELECTION_FIELD_NUMBER: _ClassVar[int]
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    pipeline: str
    mode: str
    solid_selection: _containers.RepeatedScalarFieldContainer[str]
    requests: _containers.RepeatedCompositeFieldContainer[PartitionRunRequest]
    error: ErrorInfo
    def __init__(self, pipeline: _Optional[str] = ..., mode: _Optional[str] = ..., solid_selection: _Optional[_Iterable[str]] = ..., requests: _Optional[_Iterable[_Union[PartitionRunRequest, _Mapping]]] = ..., error: _Optional[_Union[ErrorInfo, _Mapping]] = ...) -> None: ...

class ShutdownRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ShutdownReply(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class EvaluateScheduleRequest(_message.Message):
    __slots__ = ("schedule", "scheduled_time")
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_TIME_FIELD_NUMBER: _ClassVar[int]
    schedule: str
    scheduled_time: float
    def __init__(self, schedule: _Optional[str] = ..., scheduled_time: _Optional[float] = ...) -> None: ...

class TickRunRequest(_message.Message):
    __slots__ = ("run_key", "run_config_json", "tags")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    RUN_KEY_FIELD_NUMBER: _ClassVar[int]
    RUN_CONFIG_JSON_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    run_key: str
    run_config_json: str
    tags: _containers.ScalarMap[str, str]
    def __init__(self, run_key: _Optional[str] = ..., run_config_json: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ScheduleTickReply(_message.Message):
    __slots__ = ("run_requests", "skip_reason", "error")
    RUN_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    SKIP_REASON_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    run_requests: _containers.RepeatedCompositeFieldContainer[TickRunRequest]
    skip_reason: str
    error: ErrorInfo
    def __init__(self, run_requests: _Optional[_Iterable[_Union[TickRunRequest, _Mapping]]] = ..., skip_reason: _Optional[str] = ..., error: _Optional[_Union[ErrorInfo, _Mapping]] = ...) -> None: ...

class FailedRun(_message.Message):
    __slots__ = ("run_id", "pipeline_name", "status", "message", "tags")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    pipeline_name: str
    status: str
    message: str
    tags: _containers.ScalarMap[str, str]
    def __init__(self, run_id: _Optional[str] = ..., pipeline_name: _Optional[str] = ..., status: _Optional[str] = ..., message: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ...) -> None: ...

class EvaluateSensorRequest(_message.Message):
    __slots__ = ("sensor", "cursor", "last_run_key", "failed_runs")
    SENSOR_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    LAST_RUN_KEY_FIELD_NUMBER: _ClassVar[int]
    FAILED_RUNS_FIELD_NUMBER: _ClassVar[int]
    sensor: str
    cursor: str
    last_run_key: str
    failed_runs: _containers.RepeatedCompositeFieldContainer[FailedRun]
    def __init__(self, sensor: _Optional[str] = ..., cursor: _Optional[str] = ..., last_run_key: _Optional[str] = ..., failed_runs: _Optional[_Iterable[_Union[FailedRun, _Mapping]]] = ...) -> None: ...

class SensorTickReply(_message.Message):
    __slots__ = ("run_requests", "skip_reason", "cursor", "cursor_updated", "error")
    RUN_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    SKIP_REASON_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    CURSOR_UPDATED_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    run_requests: _containers.RepeatedCompositeFieldContainer[TickRunRequest]
    skip_reason: str
    cursor: str
    cursor_updated: bool
    error: ErrorInfo
    def __init__(self, run_requests: _Optional[_Iterable[_Union[TickRunRequest, _Mapping]]] = ..., skip_reason: _Optional[str] = ..., cursor: _Optional[str] = ..., cursor_updated: _Optional[bool] = ..., error: _Optional[_Union[ErrorInfo, _Mapping]] = ...) -> None: ...

class EvaluateSchedulesRequest(_message.Message):
    __slots__ = ("schedules",)
    SCHEDULES_FIELD_NUMBER: _ClassVar[int]
    schedules: _containers.RepeatedCompositeFieldContainer[EvaluateScheduleRequest]
    def __init__(self, schedules: _Optional[_Iterable[_Union[EvaluateScheduleRequest, _Mapping]]] = ...) -> None: ...

class EvaluateSchedulesReply(_message.Message):
    __slots__ = ("replies",)
    REPLIES_FIELD_NUMBER: _ClassVar[int]
    replies: _containers.RepeatedCompositeFieldContainer[ScheduleTickReply]
    def __init__(self, replies: _Optional[_Iterable[_Union[ScheduleTickReply, _Mapping]]] = ...) -> None: ...

class EvaluateSensorsRequest(_message.Message):
    __slots__ = ("sensors",)
    SENSORS_FIELD_NUMBER: _ClassVar[int]
    sensors: _containers.RepeatedCompositeFieldContainer[EvaluateSensorRequest]
    def __init__(self, sensors: _Optional[_Iterable[_Union[EvaluateSensorRequest, _Mapping]]] = ...) -> None: ...

class EvaluateSensorsReply(_message.Message):
    __slots__ = ("replies",)
    REPLIES_FIELD_NUMBER: _ClassVar[int]
    replies: _containers.RepeatedCompositeFieldContainer[SensorTickReply]
    def __init__(self, replies: _Optional[_Iterable[_Union[SensorTickReply, _Mapping]]] = ...) -> None: ...
