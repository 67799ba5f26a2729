"""ficlens: reads fan fiction and tells who is in it and who says what."""

from ficlens.errors import FiclensError, InputError
from ficlens.model import SCHEMA, Work
from ficlens.options import Options
from ficlens.pipeline import analyze

__version__ = "0.1.0"

__all__ = ["SCHEMA", "FiclensError", "InputError", "Options", "Work", "__version__", "analyze"]
