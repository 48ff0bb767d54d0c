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

:func:`publish_outputs` writes a *set* of files (a build's outputs) so that the folder holds
the whole old set or the whole new one, also after a kill or a full disk; see there.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_open", "atomic_write_text", "atomic_write_bytes", "publish_outputs", "finish_publish", "PublishError"]


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


# --------------------------------------------------------------------------- a set of outputs

#: The journal of a switch in progress, in the output folder: its presence means "finish me".
PUBLISH_JOURNAL = ".newsgraph-publish.json"


class PublishError(OSError):
    """An output of a set could not be written; none of the set was published."""

    def __str__(self) -> str:  # the one line for the user, without OSError's "[Errno 28]"
        return self.strerror


def publish_outputs(folder: str | os.PathLike[str], writers: dict[str, Callable[[Path], None]]) -> None:
    """Write a set of files into ``folder`` so that readers see the old set or the new one, never a mix.

    Parameters
    ----------
    folder : str or path
        The output folder (created if missing).
    writers : dict
        File name -> ``write(path)``, a function that writes that file's whole content to ``path``.

    Raises
    ------
    PublishError
        If a writer fails with an ``OSError`` (say, a full disk): nothing of the new set is published,
        no staged file is left, and the message names the file and says the old set is intact.

    Notes
    -----
    Each file is first written to a hidden staged file beside its destination
    (``.NAME.staged-ID.tmp``; beside a symlink's target, so that the link is written through).
    When all are written, a journal naming every (staged, destination) pair is written
    atomically: that is the commit. Then each staged file is renamed over its destination
    and the journal removed. A process killed before the commit leaves the old set (and
    staged files, which the next publish removes); one killed after it leaves a journal
    that :func:`finish_publish` (run by every newsgraph command that reads the folder) rolls
    forward. The switch holds an exclusive ``flock`` on the folder, so two builds into one
    folder, or a build and a reader finishing its journal, take turns.

    A destination that is a device, FIFO or socket (``/dev/stdout``) is not part of the
    set: it is written directly, after the set is switched.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> publish_outputs(out, {"a.txt": lambda p: atomic_write_text(p, "new a"),
    ...                       "b.txt": lambda p: atomic_write_text(p, "new b")})
    >>> sorted(p.name for p in out.iterdir()), (out / "b.txt").read_text()
    (['a.txt', 'b.txt'], 'new b')
    >>> def full_disk(path):
    ...     raise OSError(28, "No space left on device")
    >>> try:
    ...     publish_outputs(out, {"a.txt": lambda p: atomic_write_text(p, "newer a"), "b.txt": full_disk})
    ... except PublishError as exc:
    ...     print(str(exc).replace(str(out), "OUT"))
    no space left on device writing OUT/b.txt; the outputs in OUT are as they were
    >>> sorted(p.name for p in out.iterdir()), (out / "a.txt").read_text()
    (['a.txt', 'b.txt'], 'new a')
    """
    folder = Path(os.fspath(folder))
    folder.mkdir(parents=True, exist_ok=True)
    with _folder_lock(folder):
        _roll_forward(folder)
        _remove_orphans(folder)
        build = secrets.token_hex(6)
        moves: list[tuple[Path, Path]] = []  # (staged, destination)
        streams = []
        try:
            for name, write in writers.items():
                destination = folder / name
                if _is_stream(destination):
                    streams.append((destination, write))
                    continue
                target = Path(os.path.realpath(destination)) if destination.is_symlink() else destination
                staged = target.parent / f".{target.name}.{_STAGED}{build}.tmp"
                moves.append((staged, target))
                try:
                    write(staged)
                    _fsync_file(staged)  # whatever the writer did: the commit must not name an unwritten file
                    _keep_mode(target, staged)
                except OSError as exc:
                    reason = (exc.strerror or str(exc)).rstrip(".")
                    raise PublishError(exc.errno, f"{reason[:1].lower()}{reason[1:]} writing {destination}; "
                                                  f"the outputs in {folder} are as they were") from exc
            _write_journal(folder, moves)  # the commit: from here on the new set is what the folder holds
        except BaseException:
            for staged, _ in moves:
                staged.unlink(missing_ok=True)
            raise
        _roll_forward(folder)
    for destination, write in streams:
        write(destination)


def finish_publish(folder: str | os.PathLike[str]) -> bool:
    """Complete a switch of outputs that a killed process left in ``folder`` (see :func:`publish_outputs`).

    Returns whether there was one. Cheap when there is none: one ``stat``.
    """
    folder = Path(os.fspath(folder))
    if not (folder / PUBLISH_JOURNAL).exists():
        return False
    with _folder_lock(folder):
        return _roll_forward(folder)


_STAGED = "staged-"


def _is_stream(path: Path) -> bool:
    """A device, FIFO or socket, or a path of the system's (``/dev/stdout``): written in place."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not stat.S_ISREG(info.st_mode) or os.fspath(path).startswith(("/dev/", "/proc/"))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_mode(target: Path, staged: Path) -> None:
    # the new file gets the permissions of the one it replaces, as atomic_open gives them
    try:
        os.chmod(staged, target.stat().st_mode & 0o7777)
    except FileNotFoundError:
        pass


def _write_journal(folder: Path, moves: list[tuple[Path, Path]]) -> None:
    pairs = [[_relative(staged, folder), _relative(target, folder)] for staged, target in moves]
    atomic_write_text(folder / PUBLISH_JOURNAL, json.dumps({"moves": pairs}, ensure_ascii=False) + "\n")


def _relative(path: Path, folder: Path) -> str:
    """A name inside ``folder`` stays relative (the folder may be moved), any other path absolute.

    >>> _relative(Path("out/a.json"), Path("out")), _relative(Path("/elsewhere/a.json"), Path("out"))
    ('a.json', '/elsewhere/a.json')
    """
    if path.parent == folder:
        return path.name
    return os.path.abspath(path)


def _roll_forward(folder: Path) -> bool:
    """Rename every staged file of the folder's journal over its destination, then drop the journal."""
    journal = folder / PUBLISH_JOURNAL
    try:
        text = journal.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    try:
        moves = json.loads(text)["moves"]
    except (ValueError, KeyError, TypeError):
        raise ValueError(f"{journal} is not a newsgraph publish journal; remove it, and build again") from None
    folders = set()
    for staged, target in moves:
        staged_path, target_path = folder / staged, folder / target  # an absolute one stays itself
        try:
            os.replace(staged_path, target_path)
        except FileNotFoundError:
            pass  # moved already, by the run this one finishes
        folders.add(target_path.parent)
    for each in folders:
        _fsync_directory(each)
    journal.unlink(missing_ok=True)
    _fsync_directory(folder)
    return True


def _remove_orphans(folder: Path) -> None:
    """Staged files of a publish killed before its commit (only called under the folder's lock)."""
    for path in folder.glob(f".*.{_STAGED}*.tmp"):
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    # flock on the folder itself: no lock file to leave behind, and the kernel drops it when
    # its holder dies (even by SIGKILL)
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock (one build per folder at a time)
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a file system without locks (some network mounts): the journal still protects a kill
            pass
        yield
    finally:
        os.close(fd)
