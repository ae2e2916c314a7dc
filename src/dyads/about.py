"""Version of dyads: the one source that pyproject.toml reads."""

__version__ = "0.1.0"
