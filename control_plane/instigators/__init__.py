"""Schedules and sensors: the daemons that evaluate them, and their listing and control."""

from control_plane.instigators.daemons import ScheduleDaemon, SensorDaemon
from control_plane.instigators.service import Instigators, ScheduleInfo, SensorInfo

__all__ = ["Instigators", "ScheduleDaemon", "ScheduleInfo", "SensorDaemon", "SensorInfo"]
