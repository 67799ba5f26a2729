"""User-facing errors: each carries a one-line reason that the CLI prints without a traceback."""

from __future__ import annotations


class FiclensError(Exception):
    """Base class: ``str(err)`` is a complete one-line message for the user."""


class InputError(FiclensError):
    """The input cannot be read as a work (empty, binary, corrupt, unsafe, too large...)."""

    def __init__(self, path: object, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
