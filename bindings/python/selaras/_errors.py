"""Exceptions: every failure of the C library becomes one, with its message and position."""
from typing import Any, Optional

from ._selaras import ffi, lib

__all__ = ["Error", "InputError", "OutputError", "LanguageError", "ArgumentError",
           "StateError", "NoMemoryError", "LockedError", "NotParallelError", "InternalError"]


class Error(Exception):
    """A selaras failure. ``status`` is the C status code; ``offset`` (0-based byte offset
    into the input), ``line`` and ``column`` (1-based, column in code points) say where,
    or are None when the error is not about a position."""

    def __init__(self, message: str, status: int = 0, offset: Optional[int] = None,
                 line: Optional[int] = None, column: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.offset = offset
        self.line = line
        self.column = column


class InputError(Error):
    """Bad input: invalid UTF-8, a malformed data file or TMX, an input over a limit, or a
    file that cannot be read."""


class OutputError(Error):
    """An output cannot be written (the target is left as it was)."""


class LockedError(OutputError):
    """Another writer held the memory's lock past the timeout."""


class NotParallelError(InputError):
    """The two documents do not look like translations of each other."""


class LanguageError(Error, ValueError):
    """A language tag is malformed or not supported."""


class ArgumentError(Error, ValueError):
    """An argument is out of range."""


class StateError(Error):
    """A call came in the wrong order (for example, adding to a closed writer)."""


class NoMemoryError(Error, MemoryError):
    """An allocation failed."""


class InternalError(Error):
    """A bug in selaras."""


_BY_STATUS = {
    lib.SELARAS_ERR_NOMEM: NoMemoryError,
    lib.SELARAS_ERR_ARGUMENT: ArgumentError,
    lib.SELARAS_ERR_ENCODING: InputError,
    lib.SELARAS_ERR_LANGUAGE: LanguageError,
    lib.SELARAS_ERR_LIMIT: InputError,
    lib.SELARAS_ERR_IO: InputError,
    lib.SELARAS_ERR_SYNTAX: InputError,
    lib.SELARAS_ERR_UNICODE: InputError,
    lib.SELARAS_ERR_STATE: StateError,
    lib.SELARAS_ERR_INTERNAL: InternalError,
    lib.SELARAS_ERR_NOT_PARALLEL: NotParallelError,
    lib.SELARAS_ERR_LOCKED: LockedError,
}

_NO_OFFSET = int(ffi.cast("size_t", -1))


def new_error() -> Any:
    """A fresh ``selaras_error`` to pass to a C call."""
    return ffi.new("selaras_error *")


def raise_for(status: int, err: Any, writing: bool = False) -> None:
    """Raise the exception of a failed call (``status`` != 0) from its error struct; I/O
    errors of writers are :class:`OutputError`."""
    if status == 0:
        return
    message = ffi.string(err.message).decode("utf-8", "replace") if err != ffi.NULL else ""
    if not message:
        message = ffi.string(lib.selaras_strerror(status)).decode()
    cls = _BY_STATUS.get(status, Error)
    if writing and status == lib.SELARAS_ERR_IO:
        cls = OutputError
    has_pos = err != ffi.NULL and err.offset != _NO_OFFSET
    has_line = err != ffi.NULL and err.line != 0
    raise cls(message, status, int(err.offset) if has_pos else None,
              int(err.line) if has_line else None, int(err.column) if has_line else None)


def check(status: int, err: Any = ffi.NULL, writing: bool = False) -> None:
    """Raise when ``status`` is a failure; a call without an error struct gets the status
    text as its message."""
    if status != 0:
        raise_for(status, err, writing)
