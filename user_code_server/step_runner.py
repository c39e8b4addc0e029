"""Runs one step in the current process and reports it as a stream of events.

Events: STEP_START first; then STEP_LOG, TYPE_CHECK (failures only), STEP_OUTPUT,
DYNAMIC_OUTPUT and yielded ASSET_MATERIALIZATIONs as they happen (those of outputs with an
asset key just before STEP_SUCCESS, as only a successful step materializes them); last
exactly one of STEP_SUCCESS, STEP_FAILURE and STEP_UP_FOR_RETRY. Errors in user code or in
the request never raise.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import traceback
import types
from collections.abc import Callable, Iterator
from typing import Any

from user_code_server.output_store import OutputStore
from user_code_server.protocol.execution import (
    EventType,
    ExecuteStepsRequest,
    OutputHandle,
    StepEvent,
    StepExecution,
)
from user_code_server.protocol.plan import MAPPING_KEY_PATTERN, ErrorInfo, ErrorKind, StepKey
from user_code_server.sdk.composition import SolidInvocation
from user_code_server.sdk.config import MISSING
from user_code_server.sdk.context import SolidExecutionContext, StepLogger
from user_code_server.sdk.errors import Failure
from user_code_server.sdk.events import AssetMaterialization, DynamicOutput, Output
from user_code_server.sdk.hooks import FAILURE, SUCCESS, HookContext, HookDefinition
from user_code_server.sdk.pipeline import PipelineDefinition
from user_code_server.sdk.repository import RepositoryDefinition
from user_code_server.sdk.resources import ModeDefinition, init_resources
from user_code_server.sdk.retries import RetryRequested
from user_code_server.sdk.run_config import ResolvedRunConfig, resolve_run_config
from user_code_server.sdk.solid import InputDefinition, OutputDefinition
from user_code_server.sdk.types import LodestarType, TypeCheckContext, describe
from user_code_server.step_io import StepIO

Emit = Callable[[StepEvent], None]
_USER_ERRORS = (Exception, SystemExit)  # user code may call sys.exit()
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def run_step(
    repo: RepositoryDefinition,
    io: OutputStore,
    request: ExecuteStepsRequest,
    step: StepExecution,
    emit: Emit,
) -> None:
    """Runs `step` of `request` in this process, its inputs and outputs in `io`, reporting
    every event through `emit`."""
    _StepRun(_RUNS.get(repo, request), io, request, step, emit).run()


def run_pipeline_step(
    run: PreparedRun,
    io: OutputStore,
    request: ExecuteStepsRequest,
    step: StepExecution,
    emit: Emit,
) -> None:
    """Runs `step` of a run prepared by the caller (an in-process run), like `run_step`."""
    _StepRun(run, io, request, step, emit).run()


class _StepFailed(Exception):
    """Ends the step with STEP_FAILURE, never retried: a broken contract, not a user error."""

    def __init__(self, info: ErrorInfo):
        super().__init__(info.message)
        self.info = info


def _failure(
    message: str,
    kind: ErrorKind = ErrorKind.UNKNOWN,
    cls_name: str = "StepExecutionError",
    cause: BaseException | None = None,
) -> _StepFailed:
    stack = "".join(traceback.format_exception(cause)) if cause else ""
    return _StepFailed(ErrorInfo(kind=kind, cls_name=cls_name, message=message, stack=stack))


def _contract(message: str) -> _StepFailed:
    """User code broke a rule of the SDK (a wrong output, a bad mapping key)."""
    return _failure(message, ErrorKind.USER_CODE_ERROR, "ContractError")


class _UserCodeError(Exception):
    """An exception raised by user code (compute function, resources): retries apply."""

    def __init__(self, error: BaseException):
        super().__init__(str(error))
        self.error = error


class PreparedRun:
    """What the steps of one run share: definitions, config resolved per solid, and input
    values given by the caller (by solid and input name). `in_process`: the whole run is in
    this process (mem_io_manager works, and every output value stays in the run's store)."""

    def __init__(
        self,
        pipeline: PipelineDefinition | None,
        request: ExecuteStepsRequest,
        error: ErrorInfo | None = None,
        input_values: dict[tuple[str, str], Any] | None = None,
        in_process: bool = False,
    ):
        self.pipeline = pipeline
        self.in_process = in_process
        self.mode: ModeDefinition | None = None
        self.error = error
        self.run_config = request.run_config
        self.input_values = input_values or {}
        self._configs: dict[str, ResolvedRunConfig | ErrorInfo] = {}
        if pipeline is not None:
            self.mode = pipeline.get_mode(request.mode)
            if self.mode is None:
                message = f"pipeline '{pipeline.name}' has no mode '{request.mode}'"
                self.error = ErrorInfo(ErrorKind.MODE_NOT_FOUND, "ModeNotFound", message)

    @classmethod
    def from_repository(
        cls, repo: RepositoryDefinition, request: ExecuteStepsRequest
    ) -> PreparedRun:
        """The run of `request`'s pipeline in `repo` (an error if the repository lacks it)."""
        if not repo.has_pipeline(request.pipeline):
            message = f"pipeline '{request.pipeline}' not found in repository '{repo.name}'"
            error = ErrorInfo(ErrorKind.PIPELINE_NOT_FOUND, "PipelineNotFound", message)
            return cls(None, request, error)
        return cls(repo.get_pipeline(request.pipeline), request)

    def definitions(self) -> tuple[PipelineDefinition, ModeDefinition]:
        """The run's pipeline and mode; raises _StepFailed when either was not found."""
        if self.error is not None:
            raise _StepFailed(self.error)
        assert self.pipeline is not None and self.mode is not None  # else `error` is set
        return self.pipeline, self.mode

    def config_for(self, solid: str) -> ResolvedRunConfig:
        """The run config resolved for one solid (validated once per solid)."""
        resolved = self._configs.get(solid)
        if resolved is None:
            pipeline, mode = self.definitions()
            # None: whether an input is connected in this run is the plan's to check
            config, errors = resolve_run_config(pipeline, mode, self.run_config, {solid}, None)
            resolved = config
            if errors:
                message = "invalid run config: " + "; ".join(str(e) for e in errors)
                resolved = ErrorInfo(ErrorKind.UNKNOWN, "RunConfigValidationError", message)
            self._configs[solid] = resolved
        if isinstance(resolved, ErrorInfo):
            raise _StepFailed(resolved)
        return resolved


class _RunCache:
    """Prepared runs by repository, pipeline, mode and run config."""

    def __init__(self, size: int = 32):
        self._size = size
        self._runs: dict[tuple, PreparedRun] = {}
        self._last: tuple[Any, Any, PreparedRun] | None = None

    def get(self, repo: RepositoryDefinition, request: ExecuteStepsRequest) -> PreparedRun:
        last = self._last
        if last is not None and last[0] is repo and last[1] is request:
            return last[2]
        config_key = json.dumps(request.run_config, sort_keys=True, default=repr)
        key = (repo, request.pipeline, request.mode, config_key)
        prepared = self._runs.get(key)
        if prepared is None:
            prepared = PreparedRun.from_repository(repo, request)
            if len(self._runs) >= self._size:
                del self._runs[next(iter(self._runs))]
            self._runs[key] = prepared
        self._last = (repo, request, prepared)
        return prepared


_RUNS = _RunCache()


class _StepRun:
    """The execution of one step: inputs, compute, outputs and the events of each."""

    def __init__(
        self,
        run: PreparedRun,
        io: OutputStore,
        request: ExecuteStepsRequest,
        step: StepExecution,
        emit: Emit,
    ):
        self.prepared = run
        self.io = io
        self.request = request
        self.step = step
        self._emit = emit
        self._invocation: SolidInvocation | None = None
        self._io: StepIO | None = None
        self.partition_key = request.run_tags.get("lodestar/partition")
        self._emitted: set[str] = set()
        self._mapping_keys: dict[str, set[str]] = {}
        self._output_materializations: list[tuple[AssetMaterialization, str]] = []

    @property
    def step_io(self) -> StepIO:
        """The step's IO managers, set up by `_run` before any input or output."""
        assert self._io is not None
        return self._io

    @property
    def invocation(self) -> SolidInvocation:
        """The solid this step runs, found by `_run` before anything else reads it."""
        assert self._invocation is not None
        return self._invocation

    def event(self, event_type: EventType, message: str = "", **fields: Any) -> None:
        step = self.step
        self._emit(
            StepEvent(
                step.step_key, event_type, time.time(), message, attempt=step.attempt, **fields
            )
        )

    def run(self) -> None:
        self.event(EventType.STEP_START, f"Started step '{self.step.step_key}'")
        try:
            self._run()
        except _UserCodeError as error:
            self._user_code_failed(error.error)
        except _StepFailed as failure:
            self._fail(failure.info)
        except Exception as error:  # a bug of ours must still end the step with an event
            self._fail(_error_info(error, ErrorKind.UNKNOWN))
        else:
            for materialization, output_name in self._output_materializations:
                self._materialization(materialization, output_name)
            self._run_hooks(SUCCESS)
            self.event(EventType.STEP_SUCCESS, f"Finished step '{self.step.step_key}'")

    # --- the step ---------------------------------------------------------------------------

    def _run(self) -> None:
        prepared = self.prepared
        pipeline, mode = prepared.definitions()
        solid = StepKey.parse(self.step.step_key).solid
        self._invocation = pipeline.invocation_dict.get(solid)
        if self._invocation is None:
            raise _failure(
                f"pipeline '{pipeline.name}' has no solid '{solid}' (step '{self.step.step_key}')"
            )
        definition = self._invocation.definition
        config = prepared.config_for(solid)
        log = StepLogger(self._log)
        self._io = StepIO(
            store=self.io,
            in_process=prepared.in_process,
            pipeline=pipeline,
            mode=mode,
            resource_configs=config.resources,
            solid_configs=config.solids,
            run_id=self.request.run_id,
            step_key=self.step.step_key,
            log=log,
        )
        inputs = self._load_inputs()
        for name, value in inputs.items():
            self._type_check("input", name, definition.input_dict[name].dagster_type, value)
        try:
            with contextlib.ExitStack() as stack:
                resources = init_resources(
                    stack,
                    mode,
                    definition.required_resource_keys,
                    config.resources,
                    self.request.run_id,
                    log,
                    solid,
                )
                context = SolidExecutionContext(
                    solid_config=config.solids.get(solid),
                    log=log,
                    run_id=self.request.run_id,
                    resources=resources,
                    step_key=self.step.step_key,
                    retry_number=self.step.attempt - 1,
                    pipeline_name=pipeline.name,
                    solid_name=solid,
                    run_tags=self.request.run_tags,
                )
                self._compute(context, inputs)
        except (_UserCodeError, _StepFailed):
            raise
        except _USER_ERRORS as error:  # from resource initialisation or teardown
            raise _UserCodeError(error) from error

    def _log(self, level: str, message: str) -> None:
        self.event(EventType.STEP_LOG, message, level=level)

    # --- inputs -----------------------------------------------------------------------------

    def _load_inputs(self) -> dict[str, Any]:
        definition = self.invocation.definition
        given = {h.input_name: h for h in self.step.inputs}
        unknown = set(given) - set(definition.input_dict)
        if unknown:
            raise _failure(f"step '{self.step.step_key}' got unknown inputs {sorted(unknown)}")
        values = {}
        for input_def in definition.input_defs:
            if not input_def.is_nothing:
                values[input_def.name] = self._input_value(input_def, given.get(input_def.name))
        return values

    def _input_value(self, input_def: InputDefinition, given: Any) -> Any:
        binding = self.invocation.inputs.get(input_def.name)
        as_list = binding is not None and binding.is_list
        handles = given.handles if given is not None else []
        if given is not None and (given.is_collect or as_list):
            return [self._load(input_def, h) for h in handles]
        if len(handles) == 1:
            return self._load(input_def, handles[0])
        if handles:
            raise _failure(
                f"input '{input_def.name}' of step '{self.step.step_key}' takes one value "
                f"but got {len(handles)} handles"
            )
        given_value = self.prepared.input_values.get(
            (self.invocation.name, input_def.name), MISSING
        )
        if given_value is not MISSING:
            return given_value
        config = self.prepared.config_for(self.invocation.name)
        from_config = config.inputs.get(self.invocation.name, {}).get(input_def.name, MISSING)
        if from_config is not MISSING:
            return from_config
        if input_def.has_default:
            return input_def.default_value
        if as_list:
            return []
        raise _failure(
            f"input '{input_def.name}' of step '{self.step.step_key}' received no value "
            "and has no default"
        )

    def _load(self, input_def: InputDefinition, handle: OutputHandle) -> Any:
        try:
            return self.step_io.load_input(self.invocation, input_def, handle)
        except Exception as error:
            raise _failure(
                f"could not load input '{input_def.name}' of step '{self.step.step_key}': "
                f"{type(error).__name__}: {error}",
                cause=error,
            ) from error

    # --- compute and outputs ----------------------------------------------------------------

    def _compute(self, context: SolidExecutionContext, inputs: dict[str, Any]) -> None:
        definition = self.invocation.definition
        try:
            result = definition.compute_fn(context, **inputs)
        except _USER_ERRORS as error:
            raise _UserCodeError(error) from error
        if definition.is_generator or isinstance(result, types.GeneratorType):
            for item in _user_iteration(result):
                self._handle(item)
        else:
            self._handle_return(result)
        for output in definition.output_defs:
            if output.is_required and not output.is_dynamic and output.name not in self._emitted:
                raise _contract(
                    f"solid '{self.invocation.name}' did not yield its required output "
                    f"'{output.name}'"
                )

    def _handle_return(self, result: Any) -> None:
        if isinstance(result, Output | DynamicOutput | AssetMaterialization):
            self._handle(result)
            return
        outputs = self.invocation.definition.output_defs
        name = self.invocation.name
        if len(outputs) == 1 and not outputs[0].is_dynamic:
            self._output(outputs[0], result)
        elif result is not None:
            if len(outputs) == 1:
                raise _contract(
                    f"solid '{name}' returned a value for dynamic output '{outputs[0].name}': "
                    "yield DynamicOutput(value, mapping_key) for each value instead"
                )
            raise _contract(
                f"solid '{name}' returned {describe(result)} but has {len(outputs)} outputs: "
                "yield Output(value, output_name) for each instead"
            )

    def _handle(self, item: Any) -> None:
        if isinstance(item, Output):
            output = self._output_def(item.output_name)
            if output.is_dynamic:
                raise _contract(
                    f"solid '{self.invocation.name}' yielded Output for dynamic output "
                    f"'{output.name}': yield DynamicOutput(value, mapping_key) instead"
                )
            self._output(output, item.value, item.metadata)
        elif isinstance(item, DynamicOutput):
            output = self._output_def(item.output_name)
            if not output.is_dynamic:
                raise _contract(
                    f"solid '{self.invocation.name}' yielded DynamicOutput for output "
                    f"'{output.name}', which is not a DynamicOutputDefinition: yield Output"
                )
            self._dynamic_output(output, item)
        elif isinstance(item, AssetMaterialization):
            self._materialization(item, None)
        else:
            raise _contract(
                f"solid '{self.invocation.name}' yielded {describe(item)}: yield Output, "
                "DynamicOutput or AssetMaterialization"
            )

    def _output_def(self, name: str) -> OutputDefinition:
        output = self.invocation.definition.output_dict.get(name)
        if output is None:
            known = ", ".join(self.invocation.definition.output_dict) or "none"
            raise _contract(
                f"solid '{self.invocation.name}' has no output '{name}' (outputs: {known})"
            )
        return output

    def _output(self, output: OutputDefinition, value: Any, metadata: dict | None = None) -> None:
        if output.name in self._emitted:
            raise _contract(f"solid '{self.invocation.name}' yielded output '{output.name}' twice")
        self._emitted.add(output.name)
        self._type_check("output", output.name, output.dagster_type, value)
        handle = OutputHandle(self.request.run_id, self.step.step_key, output.name)
        self._store(output, handle, value, metadata)
        self.event(
            EventType.STEP_OUTPUT, f"yielded output '{output.name}'", output_name=output.name
        )
        if output.asset_key is not None:
            description = f"output '{output.name}' of solid '{self.invocation.name}'"
            # Recorded only once the step has succeeded, right before STEP_SUCCESS.
            materialization = AssetMaterialization(output.asset_key, description, metadata)
            self._output_materializations.append((materialization, output.name))

    def _dynamic_output(self, output: OutputDefinition, item: DynamicOutput) -> None:
        key = item.mapping_key
        label = f"dynamic output '{output.name}' of solid '{self.invocation.name}'"
        if not isinstance(key, str) or not MAPPING_KEY_PATTERN.fullmatch(key):
            raise _contract(
                f"invalid mapping key {key!r} for {label}: mapping keys must match "
                f"{MAPPING_KEY_PATTERN.pattern}"
            )
        keys = self._mapping_keys.setdefault(output.name, set())
        if key in keys:
            raise _contract(f"duplicate mapping key '{key}' for {label}")
        keys.add(key)
        self._type_check("output", f"{output.name}[{key}]", output.dagster_type, item.value)
        handle = OutputHandle(self.request.run_id, self.step.step_key, output.name, key)
        self._store(output, handle, item.value, None)
        self.event(
            EventType.DYNAMIC_OUTPUT,
            f"yielded '{output.name}' for mapping key {key}",
            output_name=output.name,
            mapping_key=key,
        )

    def _store(
        self, output: OutputDefinition, handle: OutputHandle, value: Any, metadata: dict | None
    ) -> None:
        try:
            self.step_io.handle_output(self.invocation, output, handle, value, metadata)
        except Exception as error:
            raise _failure(
                f"could not store output '{handle.output_name}' of solid "
                f"'{self.invocation.name}': {type(error).__name__}: {error}",
                cause=error,
            ) from error

    def _materialization(self, item: AssetMaterialization, output_name: str | None) -> None:
        data = {
            "asset_key": list(item.asset_key.path),
            "description": item.description,
            "metadata": _jsonable(item.metadata),
            "partition": item.partition if item.partition is not None else self.partition_key,
        }
        message = f"Materialized asset {item.asset_key.to_string()}"
        self.event(
            EventType.ASSET_MATERIALIZATION, message, output_name=output_name or "", data=data
        )

    def _type_check(self, kind: str, name: str, dagster_type: LodestarType, value: Any) -> None:
        if dagster_type.type_check_fn is None:
            return
        label = f"{kind} '{name}' of solid '{self.invocation.name}'"
        context = TypeCheckContext(self.request.run_id, StepLogger(self._log))
        try:
            actual = dagster_type.type_check(context, value)
        except Exception as error:
            raise _failure(
                f"the type check of {dagster_type.name} for {label} raised "
                f"{type(error).__name__}: {error}",
                ErrorKind.USER_CODE_ERROR,
                "TypeCheckError",
                cause=error,
            ) from error
        if actual is None:
            return
        message = f"Type check failed for {label}: expected {dagster_type.name}, got {actual}"
        data = {"kind": kind, "name": name, "expected": dagster_type.name, "actual": actual}
        self.event(EventType.TYPE_CHECK, message, data={"success": False, **data})
        raise _failure(message, ErrorKind.USER_CODE_ERROR, "TypeCheckError")

    # --- endings ----------------------------------------------------------------------------

    def _run_hooks(self, kind: str) -> None:
        """Runs the step's hooks of `kind`, before its final event; a hook's error is logged as
        an ERROR event and changes nothing else."""
        invocation = self._invocation
        if invocation is None or self.prepared.pipeline is None:
            return
        hooks = self.prepared.pipeline.hook_defs | invocation.hook_defs
        for hook in sorted((h for h in hooks if h.kind == kind), key=lambda h: h.name):
            try:
                self._run_hook(invocation, hook)
            except Exception as error:
                stack = _user_traceback(error)
                self._log(
                    "ERROR",
                    f"{kind} hook '{hook.name}' of step '{self.step.step_key}' failed: "
                    f"{type(error).__name__}: {error}\n{stack}",
                )

    def _run_hook(self, invocation: SolidInvocation, hook: HookDefinition) -> None:
        _, mode = self.prepared.definitions()
        config = self.prepared.config_for(invocation.name)
        log = StepLogger(self._log)
        with contextlib.ExitStack() as stack:
            resources = init_resources(
                stack,
                mode,
                hook.required_resource_keys,
                config.resources,
                self.request.run_id,
                log,
                f"hook {hook.name}",
            )
            context = HookContext(
                solid=invocation,
                step_key=self.step.step_key,
                run_id=self.request.run_id,
                pipeline_name=self.request.pipeline,
                solid_config=config.solids.get(invocation.name),
                log=log,
                resources=resources,
                hook_def=hook,
            )
            try:
                hook.hook_fn(context)
            except SystemExit as error:  # a hook may call sys.exit()
                raise RuntimeError(f"the hook called sys.exit({error.code})") from error

    def _user_code_failed(self, error: BaseException) -> None:
        attempt = self.step.attempt
        if isinstance(error, RetryRequested):
            if attempt <= error.max_retries:
                self._retry(error.seconds_to_wait, _error_info(error))
                return
            info = _error_info(error)
            message = (
                f"solid '{self.invocation.name}' requested a retry, but attempt {attempt} "
                f"already used max_retries={error.max_retries}"
            )
            self._fail(ErrorInfo(info.kind, info.cls_name, message, info.stack, info.cause))
            return
        policy = self.invocation.definition.retry_policy
        if policy is not None and attempt <= policy.max_retries:
            self._retry(policy.delay or 0, _error_info(error))
            return
        data = None
        if isinstance(error, Failure):
            data = {"description": error.description, "metadata": _jsonable(error.metadata)}
        self._fail(_error_info(error), data)

    def _retry(self, seconds_to_wait: float, info: ErrorInfo) -> None:
        self.event(
            EventType.STEP_UP_FOR_RETRY,
            f"Step '{self.step.step_key}' failed on attempt {self.step.attempt} "
            f"({info.cls_name}: {info.message}); it will be retried",
            error=info,
            data={"seconds_to_wait": seconds_to_wait},
        )

    def _fail(self, info: ErrorInfo, data: Any = None) -> None:
        self._run_hooks(FAILURE)
        self.event(
            EventType.STEP_FAILURE,
            f"Step '{self.step.step_key}' failed: {info.cls_name}: {info.message}",
            error=info,
            data=data,
        )


def _user_iteration(generator: Iterator[Any]) -> Iterator[Any]:
    """Iterates a compute function's generator, wrapping its exceptions as user errors."""
    while True:
        try:
            item = next(generator)
        except StopIteration:
            return
        except _USER_ERRORS as error:
            raise _UserCodeError(error) from error
        yield item


def _user_traceback(error: BaseException) -> str:
    """The traceback of `error` from the first frame outside this package (the user's)."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def _error_info(error: BaseException, kind: ErrorKind = ErrorKind.USER_CODE_ERROR) -> ErrorInfo:
    cause = error.__cause__
    return ErrorInfo(
        kind=kind,
        cls_name=type(error).__name__,
        message=str(error),
        stack="".join(traceback.format_exception(error)),
        cause="".join(traceback.format_exception(cause)) if cause is not None else "",
    )


def _jsonable(value: Any) -> Any:
    """`value` if JSON can carry it, else a copy where what JSON cannot carry is a repr."""
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return json.loads(json.dumps(value, default=repr))
