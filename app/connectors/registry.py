"""Connectors by system type. Adding a system is one module plus its training system.

Modules are imported lazily, when a municipality using that system is
activated, so an unused connector costs nothing at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.connectors.base import ClientSystem, Credentials
    from app.services.policy import SystemConfig
    from app.training.server import SimulatorHandler

# system type -> ("module:Connector", "module:TrainingHandler")
_CONNECTORS = {
    "proconsona": ("app.connectors.proconsona:ProConsona", "app.training.proconsona:Handler"),
    "effica": ("app.connectors.effica:Effica", "app.training.effica:Handler"),
}


def known_systems() -> tuple[str, ...]:
    return tuple(_CONNECTORS)


def is_known_system(system_type: str) -> bool:
    return system_type in _CONNECTORS


def _load(target: str) -> Any:
    module_name, _, name = target.partition(":")
    return getattr(importlib.import_module(module_name), name)


def connector_class(system_type: str) -> type[ClientSystem]:
    cls: type[ClientSystem] = _load(_CONNECTORS[system_type][0])
    return cls


def training_handler_class(system_type: str) -> type[SimulatorHandler]:
    """The request handler of the system's training simulator."""
    cls: type[SimulatorHandler] = _load(_CONNECTORS[system_type][1])
    return cls


def create_connector(config: SystemConfig, credentials: Credentials) -> ClientSystem:
    """The connector for ``config.type``, ready to use."""
    return connector_class(config.type)(config, credentials)
