"""Listing, starting, stopping and previewing schedules and sensors (the API's side)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from control_plane.code_locations import CodeLocations
from control_plane.errors import CodeLocationError, InstigatorNotFoundError
from control_plane.instigators.cron import next_due_times
from control_plane.instigators.definitions import loaded_schedules, loaded_sensors
from control_plane.storage import Storage
from control_plane.storage.instigator_records import (
    InstigatorKind,
    InstigatorState,
    InstigatorStatus,
    Tick,
)
from user_code_server.protocol import (
    CodeServerUnavailableError,
    ScheduleSnapshot,
    ScheduleTickReply,
    SensorSnapshot,
    SensorTickReply,
    UserCodeClient,
)

T = TypeVar("T")


@dataclass(frozen=True)
class ScheduleInfo:
    """A schedule as loaded and as stored. `snapshot` None: its definition is gone from the
    loaded code (it is shown, never evaluated)."""

    name: str
    location_name: str | None
    status: InstigatorStatus
    snapshot: ScheduleSnapshot | None
    next_tick_time: float | None = None


@dataclass(frozen=True)
class SensorInfo:
    name: str
    location_name: str | None
    status: InstigatorStatus
    snapshot: SensorSnapshot | None
    cursor: str | None = None
    last_tick_time: float | None = None


class Instigators:
    def __init__(
        self, storage: Storage, locations: CodeLocations, now: Callable[[], float] = time.time
    ):
        self._storage = storage
        self._locations = locations
        self._now = now

    # Schedules

    def schedules(self) -> list[ScheduleInfo]:
        """Every loaded schedule, and every stored one whose definition is gone, by name."""
        loaded = loaded_schedules(self._locations)
        states = self._states(InstigatorKind.SCHEDULE)
        return [
            self._schedule_info(n, loaded.get(n), states.get(n)) for n in sorted(loaded | states)
        ]

    def schedule(self, name: str) -> ScheduleInfo:
        loaded = loaded_schedules(self._locations).get(name)
        state = self._states(InstigatorKind.SCHEDULE).get(name)
        if loaded is None and state is None:
            raise InstigatorNotFoundError("schedule", name)
        return self._schedule_info(name, loaded, state)

    def start_schedule(self, name: str) -> ScheduleInfo:
        """Runs it from now on: due times before now are never launched."""
        location, _ = self._loaded_schedule(name)
        self._storage.set_instigator_status(
            InstigatorKind.SCHEDULE, name, location, InstigatorStatus.RUNNING, self._now()
        )
        return self.schedule(name)

    def stop_schedule(self, name: str) -> ScheduleInfo:
        info = self.schedule(name)
        location = info.location_name or ""
        self._storage.set_instigator_status(
            InstigatorKind.SCHEDULE, name, location, InstigatorStatus.STOPPED
        )
        return self.schedule(name)

    def preview_schedule(self, name: str, ticks: int = 5) -> list[tuple[float, ScheduleTickReply]]:
        """The next `ticks` due times from now, each with what the schedule would request."""
        location, schedule = self._loaded_schedule(name)
        due_times = next_due_times(
            schedule.cron_schedule, schedule.execution_timezone, self._now(), ticks
        )
        replies = self._on_location(
            location, lambda client: client.evaluate_schedules([(name, t) for t in due_times])
        )
        return list(zip(due_times, replies, strict=True))

    # Sensors

    def sensors(self) -> list[SensorInfo]:
        loaded = loaded_sensors(self._locations)
        states = self._states(InstigatorKind.SENSOR)
        names = sorted(set(loaded) | set(states))
        return [self._sensor_info(n, loaded.get(n), states.get(n)) for n in names]

    def sensor(self, name: str) -> SensorInfo:
        loaded = loaded_sensors(self._locations).get(name)
        state = self._states(InstigatorKind.SENSOR).get(name)
        if loaded is None and state is None:
            raise InstigatorNotFoundError("sensor", name)
        return self._sensor_info(name, loaded, state)

    def start_sensor(self, name: str) -> SensorInfo:
        """Runs it from now on (evaluated at once), from the cursor it had."""
        location, _ = self._loaded_sensor(name)
        self._storage.set_instigator_status(
            InstigatorKind.SENSOR, name, location, InstigatorStatus.RUNNING
        )
        return self.sensor(name)

    def stop_sensor(self, name: str) -> SensorInfo:
        info = self.sensor(name)
        self._storage.set_instigator_status(
            InstigatorKind.SENSOR, name, info.location_name or "", InstigatorStatus.STOPPED
        )
        return self.sensor(name)

    def preview_sensor(self, name: str, cursor: str | None = None) -> SensorTickReply:
        """One evaluation from `cursor` (default: its stored cursor), storing nothing."""
        location, _ = self._loaded_sensor(name)
        state = self._states(InstigatorKind.SENSOR).get(name)
        if cursor is None:
            cursor = state.cursor if state is not None else None
        last_key = state.last_run_key if state is not None else None
        return self._on_location(
            location, lambda client: client.evaluate_sensor(name, cursor or "", last_key or "")
        )

    def ticks(self, kind: InstigatorKind, name: str, limit: int = 20) -> list[Tick]:
        return self._storage.get_ticks(kind, name, limit)

    # Helpers

    def _states(self, kind: InstigatorKind) -> dict[str, InstigatorState]:
        return {state.name: state for state in self._storage.get_instigator_states(kind)}

    def _schedule_info(
        self,
        name: str,
        loaded: tuple[str, ScheduleSnapshot] | None,
        state: InstigatorState | None,
    ) -> ScheduleInfo:
        status = state.status if state is not None else InstigatorStatus.STOPPED
        snapshot = loaded[1] if loaded is not None else None
        next_tick = None
        if snapshot is not None and status == InstigatorStatus.RUNNING:
            after = state.last_tick_time if state and state.last_tick_time else self._now()
            [next_tick] = next_due_times(
                snapshot.cron_schedule, snapshot.execution_timezone, after, 1
            )
        location = loaded[0] if loaded is not None else (state.location_name if state else None)
        return ScheduleInfo(name, location, status, snapshot, next_tick)

    def _sensor_info(
        self, name: str, loaded: tuple[str, SensorSnapshot] | None, state: InstigatorState | None
    ) -> SensorInfo:
        status = state.status if state is not None else InstigatorStatus.STOPPED
        location = loaded[0] if loaded is not None else (state.location_name if state else None)
        return SensorInfo(
            name,
            location,
            status,
            loaded[1] if loaded is not None else None,
            cursor=state.cursor if state is not None else None,
            last_tick_time=state.last_tick_time if state is not None else None,
        )

    def _loaded_schedule(self, name: str) -> tuple[str, ScheduleSnapshot]:
        found = loaded_schedules(self._locations).get(name)
        if found is None:
            raise InstigatorNotFoundError("schedule", name)
        return found

    def _loaded_sensor(self, name: str) -> tuple[str, SensorSnapshot]:
        found = loaded_sensors(self._locations).get(name)
        if found is None:
            raise InstigatorNotFoundError("sensor", name)
        return found

    def _on_location(self, location: str, call: Callable[[UserCodeClient], T]) -> T:
        """`call` with the location's client; an unreachable server is a CodeLocationError."""
        try:
            return call(self._locations.get(location).client())
        except CodeServerUnavailableError as error:
            raise CodeLocationError(location, str(error)) from None
