"""Connectors by system type. Adding a system is one module here plus its training
simulator (registered in :mod:`app.training.server`, which picks its simulators itself).

Modules are imported lazily, when a municipality using that system is
activated, so an unused connector costs nothing at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.connectors.base import Access, ClientSystem
    from app.domain.policy import SystemConfig

# system type -> "module:Connector"
_CONNECTORS = {
    "proconsona": "app.connectors.proconsona:ProConsona",
    "effica": "app.connectors.effica:Effica",
}


def known_systems() -> tuple[str, ...]:
    return tuple(_CONNECTORS)


def is_known_system(system_type: str) -> bool:
    return system_type in _CONNECTORS


def connector_class(system_type: str) -> type[ClientSystem]:
    module_name, _, name = _CONNECTORS[system_type].partition(":")
    cls: type[ClientSystem] = getattr(importlib.import_module(module_name), name)
    return cls


def create_connector(config: SystemConfig, access: Access) -> ClientSystem:
    """The connector for ``config.type``, ready to use, signed in with ``access``."""
    return connector_class(config.type)(config, access)
