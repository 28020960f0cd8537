"""CLI commands for review outputs (``docgen compare``, ``docgen verify``)."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Add this module's commands to the ``docgen`` group."""
