"""Finding a schedule's or sensor's definition in the loaded code locations."""

from __future__ import annotations

from control_plane.code_locations import CodeLocations
from user_code_server.protocol import ScheduleSnapshot, SensorSnapshot


def loaded_schedules(locations: CodeLocations) -> dict[str, tuple[str, ScheduleSnapshot]]:
    """Every schedule of every loaded location: name -> (location name, snapshot)."""
    found: dict[str, tuple[str, ScheduleSnapshot]] = {}
    for location in locations.all():
        snapshot = location.info().snapshot
        for schedule in snapshot.schedules if snapshot is not None else []:
            found.setdefault(schedule.name, (location.name, schedule))
    return found


def loaded_sensors(locations: CodeLocations) -> dict[str, tuple[str, SensorSnapshot]]:
    """Every sensor of every loaded location: name -> (location name, snapshot)."""
    found: dict[str, tuple[str, SensorSnapshot]] = {}
    for location in locations.all():
        snapshot = location.info().snapshot
        for sensor in snapshot.sensors if snapshot is not None else []:
            found.setdefault(sensor.name, (location.name, sensor))
    return found
