"""Structure: paragraphs, notes, chapters, scene breaks and scenes, for every format.

Placeholder: blank-line paragraphs, one chapter, one scene.
"""

from __future__ import annotations

import re

from ficlens.model import Chapter, Paragraph, Scene, Work
from ficlens.options import Options


def run(work: Work, options: Options) -> None:
    if not work.paragraphs:
        work.paragraphs = [Paragraph(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", work.text)]
    if not work.chapters and work.paragraphs:
        work.chapters = [Chapter(work.paragraphs[0].start, work.paragraphs[-1].end, 1, None)]
    if not work.scenes:
        work.scenes = [Scene(c.start, c.end, i, "chapter" if i else None) for i, c in enumerate(work.chapters)]
