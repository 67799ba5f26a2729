"""``ficlens batch``: not built yet."""

from __future__ import annotations

import argparse

from ficlens.errors import FiclensError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*")


def main(args: argparse.Namespace) -> int:
    raise FiclensError("'batch' is not available yet")
