"""Errors raised by dyads. Library code raises; the CLI and API translate once.

::

    DyadsError
    ├── ConfigError          a setting is invalid or a model/file is missing
    ├── DataFileError        a dictionary or ontology file fails its schema
    ├── UnknownNameError     a registry, code or format name that does not exist
    ├── InputError           a source cannot be read at all (bad path, bad URL)
    ├── StoreError           the event store cannot be opened or written
    └── EvalError            a gold file cannot be read

A bad *document* is never an error: it becomes a :class:`dyads.model.Rejection`.
"""

from __future__ import annotations


class DyadsError(Exception):
    """Base class of every error dyads raises on purpose.

    Its message is one sentence.
    """


class ConfigError(DyadsError):
    """A setting is invalid, or something it names (a model, a file) is missing."""


class DataFileError(DyadsError):
    """A dictionary or ontology data file does not validate against its schema."""


class UnknownNameError(DyadsError):
    """A name that is not registered; the message lists the valid ones."""


class InputError(DyadsError):
    """An input source that cannot be opened at all."""


class StoreError(DyadsError):
    """The event store cannot be opened, migrated or written."""


class EvalError(DyadsError):
    """A gold file that cannot be read."""
