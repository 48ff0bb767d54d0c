"""Atomic file writes: readers see the old file or the new one, never half of either.

Every exporter in :mod:`graph.io` writes through these helpers. The new content goes to
a temporary file in the destination folder (same file system, so the final rename is
atomic), is flushed and ``fsync``-ed, and only then replaces the destination with
:func:`os.replace`. A process killed at any moment (even by ``SIGKILL``) therefore
leaves either the complete old file or the complete new one. A killed process may leave
its temporary file (``.<name>.<random>.tmp``) behind, since nothing runs after SIGKILL;
an exception inside the ``with`` block removes it.

A symlink is written through: its target is replaced atomically and the link stays. A device,
FIFO or socket (``/dev/stdout``, a named pipe) is written to directly, since renaming a file
over it would replace the device with a regular file.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_open", "atomic_write_text", "atomic_write_bytes"]


def _current_umask() -> int:
    # os.umask can only be read by setting it; do it once at import, before threads exist,
    # so that no other thread ever creates a file under a zero umask.
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def _fsync_directory(folder: Path) -> None:
    # Makes the rename itself durable after a power loss; not every platform or file
    # system lets a directory be opened or fsync-ed, and atomicity does not depend on it.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8"
) -> Iterator[IO]:
    """Open `path` for writing so that it is replaced all at once when the block ends.

    Parameters
    ----------
    path : str or path-like
        Destination file. Missing parent folders are created.
    mode : {"w", "wt", "wb"}
        Text or binary writing. Reading, appending and ``+`` modes make no sense for
        a file that does not exist until the block ends, so they raise ``ValueError``.
    encoding : str or None
        Text encoding (ignored in binary mode).

    Yields
    ------
    file object
        A file in the destination folder; write the whole new content to it.

    Raises
    ------
    ValueError
        If `mode` is not a plain write mode.

    Notes
    -----
    On a normal exit the data is flushed and fsync-ed, the temporary file gets the
    permissions of the file it replaces (or the usual ``0o666 & ~umask`` for a new
    file) and is renamed over `path` with :func:`os.replace`. If the block raises,
    the temporary file is removed, `path` is left untouched and the error propagates.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_open(folder / "out" / "hello.txt") as f:
    ...     _ = f.write("hello")
    >>> (folder / "out" / "hello.txt").read_text()
    'hello'
    >>> try:
    ...     with atomic_open(folder / "out" / "hello.txt") as f:
    ...         _ = f.write("half a fi")
    ...         raise RuntimeError("disk on fire")
    ... except RuntimeError:
    ...     pass
    >>> (folder / "out" / "hello.txt").read_text()
    'hello'
    >>> sorted(p.name for p in (folder / "out").iterdir())
    ['hello.txt']
    """
    if mode not in ("w", "wt", "wb"):
        raise ValueError(f"atomic_open writes whole files; mode must be 'w', 'wt' or 'wb', not {mode!r}")
    binary = "b" in mode
    target = Path(os.fspath(path))
    try:
        info = os.stat(target)  # of what a symlink points to
    except (FileNotFoundError, NotADirectoryError):
        info = None
    special = not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode) if info is not None else False
    # /dev/stdout redirected to a file is a regular file, but replacing it would leave the shell's
    # redirection writing into the old, unlinked file (and break >>): the system's paths are written in place
    if special or (info is not None and os.fspath(path).startswith(("/dev/", "/proc/"))):
        # a device, FIFO or socket: no rename can be atomic there, and one would replace it with a file;
        # a file behind /dev/stdout is appended to, as the shell opened it (> truncated it already, >> did not)
        how = ("a" if stat.S_ISREG(info.st_mode) else "w") + ("b" if binary else "")
        with open(target, how, encoding=None if binary else encoding, **({} if binary else {"newline": ""})) as handle:
            yield handle
        return
    if target.is_symlink():
        # write through the link: the new file replaces its target, in the target's folder
        target = Path(os.path.realpath(target))
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    tmp_path = Path(tmp_name)
    try:
        if binary:
            handle = os.fdopen(fd, "wb")
        else:
            # newline="" keeps "\n" as written; the formats we write choose their own line ends.
            handle = os.fdopen(fd, "w", encoding=encoding, newline="")
    except BaseException:
        os.close(fd)
        tmp_path.unlink(missing_ok=True)
        raise
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        try:
            permissions = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            permissions = 0o666 & ~_UMASK
        os.chmod(tmp_path, permissions)
        os.replace(tmp_path, target)
    except BaseException:
        # BaseException: a KeyboardInterrupt mid-write must not leave temp files either.
        tmp_path.unlink(missing_ok=True)
        raise
    _fsync_directory(folder)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Replace the file at `path` with `text`, atomically (see :func:`atomic_open`).

    Parameters
    ----------
    path : str or path-like
        Destination file; parent folders are created.
    text : str
        The whole new content. Line ends are written as given.
    encoding : str
        Text encoding.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a" / "b.txt"
    >>> atomic_write_text(path, "café\\n")
    >>> path.read_bytes()
    b'caf\\xc3\\xa9\\n'
    """
    with atomic_open(path, "w", encoding=encoding) as handle:
        handle.write(text)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at `path` with `data`, atomically (see :func:`atomic_open`).

    Parameters
    ----------
    path : str or path-like
        Destination file; parent folders are created.
    data : bytes
        The whole new content.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "blob.bin"
    >>> atomic_write_bytes(path, b"\\x00\\x01")
    >>> path.read_bytes()
    b'\\x00\\x01'
    """
    with atomic_open(path, "wb") as handle:
        handle.write(data)
