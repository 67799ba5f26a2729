"""``ficlens train``: train the learned speaker scorer from PDNC under ../shared/data."""

from __future__ import annotations

import argparse

from ficlens.speakers import training


def add_arguments(p: argparse.ArgumentParser) -> None:
    training.add_arguments(p)


def main(args: argparse.Namespace) -> int:
    return training.run(args)
