"""Reading a file the user named, without blocking and without reading more than a limit (internal).

A FIFO or a device named as an account file would block ``open()`` or never
end; only regular files are read. The file is opened without blocking and
checked on the open descriptor, so nothing can swap it in between.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


#: What a path that runs into a loop of symbolic links is called in messages (not "no such file").
SYMLINK_LOOP = "a symlink loop (a loop of symbolic links)"


def problem(exc: OSError) -> str:
    """The words for a file that cannot be read: the system's reason, a loop of links called a symlink loop.

    >>> problem(OSError(errno.ELOOP, "Too many levels of symbolic links"))
    'a symlink loop (a loop of symbolic links)'
    >>> problem(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    'No such file or directory'
    """
    if exc.errno == errno.ELOOP:
        return SYMLINK_LOOP
    return exc.strerror or str(exc)


def read_head(path: str | os.PathLike[str], size: int) -> bytes:
    """The first ``size`` bytes of the regular file at ``path`` (never blocks on a FIFO); OSError otherwise.

    >>> import tempfile
    >>> read_head(tempfile.mkdtemp(), 4)
    Traceback (most recent call last):
    ...
    budgetkit._files.NotRegularFileError: not a regular file: a directory
    """
    return read_bounded(path, size - 1)[:size]


class NotRegularFileError(OSError):
    """The path names something other than a regular file (a FIFO, a device, a directory)."""


def kind_of(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words.

    >>> kind_of(stat.S_IFIFO), kind_of(stat.S_IFREG)
    ('a named pipe (FIFO)', 'a regular file')
    """
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """Read at most ``limit + 1`` bytes of the regular file at ``path``; raise OSError otherwise.

    A FIFO, a device, a socket or a directory raises :class:`NotRegularFileError`
    at once (never blocks); a symbolic link loop or a dangling link raises the
    OSError of the system, with a message that says so.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> read_bounded(folder, 10)
    Traceback (most recent call last):
    ...
    budgetkit._files.NotRegularFileError: not a regular file: a directory
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if Path(path).is_symlink():
            raise FileNotFoundError(f"a symbolic link to {os.readlink(path)}, which does not exist") from None
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError(exc.errno, SYMLINK_LOOP) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(f"not a regular file: {kind_of(mode)}")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb", closefd=True) as stream:
        return stream.read(limit + 1)
