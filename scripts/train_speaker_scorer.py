"""Train the speaker scorer (``make train``): see ficlens.speakers.training and docs/speakers.md."""

from __future__ import annotations

import sys

from ficlens.speakers.training import main

if __name__ == "__main__":
    sys.exit(main())
