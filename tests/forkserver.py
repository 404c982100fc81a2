"""Run ``agentls`` (``serve`` for the pytest-lsp tests, the CLI for the others) without
importing it each time.

Importing agentls (pygls, lsprotocol, the rules, the pattern engine) is most of what a test
that starts it costs: about a second of CPU, several hundred times a run. A *zygote* imports it
once per test session; the command a test runs is a small launcher that hands the zygote its
own stdin, stdout and stderr, arguments, environment and working folder, and the zygote forks
a child that runs ``agentls.cli.main.main`` on them. The protocol or the output still goes over
the launcher's real pipes from a separate process; only the import is shared.

The launcher exits with agentls's exit code, and agentls ends when the launcher goes away.
Without the zygote (not started, or ``AGENTLS_TEST_FORK=0``, or not on POSIX) the launcher
runs ``python -m agentls ARGS`` itself.

    python tests/forkserver.py zygote SOCKET          # imports agentls, forks one per connection
    python tests/forkserver.py launch SOCKET ARGS...  # what a test runs
"""

from __future__ import annotations

import array
import contextlib
import json
import os
import signal
import socket
import struct
import sys
import threading
import traceback

_FDS = 3  # stdin, stdout, stderr


def launch(path: str, argv: list[str]) -> int:
    """Hand this process's standard streams to a forked agentls; wait for its exit code."""
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(path)
    except OSError:
        os.execv(sys.executable, [sys.executable, "-m", "agentls", *argv])
    payload = json.dumps({"env": dict(os.environ), "cwd": os.getcwd(), "argv": argv}).encode()
    fds = array.array("i", range(_FDS))
    conn.sendmsg([struct.pack("!I", len(payload)), payload], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)])
    for fd in range(_FDS):
        os.close(fd)  # the server's now: its end of the pipes closes when it exits
    got = b""
    while chunk := conn.recv(16):
        got += chunk
    return int(got) if got.strip().lstrip(b"-").isdigit() else 1


def zygote(path: str) -> None:
    from agentls.cli import main as cli  # the import every server shares
    from agentls.lsp import run  # noqa: F401

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reap themselves
    parent = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    listener.settimeout(1.0)
    while os.getppid() == parent:  # the test session is gone: so are we
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        conn.settimeout(None)
        if os.fork() == 0:
            listener.close()
            _child(conn, cli.main)
        conn.close()
    listener.close()


def _child(conn: socket.socket, main: object) -> None:
    code = 1
    try:
        (size,), fds = _receive(conn)
        request = json.loads(_exactly(conn, size))
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        sys.argv = ["agentls", *request["argv"]]
        threading.Thread(target=_exit_with_launcher, args=(conn,), daemon=True).start()
        code = main(request["argv"])  # type: ignore[operator]
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # closed: pygls closes stdout on exit
                stream.flush()
        try:
            conn.sendall(str(code).encode())
        finally:
            os._exit(code or 0)


def _receive(conn: socket.socket) -> tuple[tuple[int], list[int]]:
    fds = array.array("i")
    msg, ancdata, _, _ = conn.recvmsg(4, socket.CMSG_LEN(_FDS * fds.itemsize))
    for level, kind, data in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(data[: len(data) - (len(data) % fds.itemsize)])
    return struct.unpack("!I", msg + _exactly(conn, 4 - len(msg))), list(fds)


def _exactly(conn: socket.socket, size: int) -> bytes:
    out = b""
    while len(out) < size:
        chunk = conn.recv(size - len(out))
        if not chunk:
            raise EOFError
        out += chunk
    return out


def _exit_with_launcher(conn: socket.socket) -> None:
    """The launcher was killed (a test timed out): nobody reads this server any more."""
    try:
        conn.recv(1)
    finally:
        os._exit(1)


if __name__ == "__main__":
    what, where = sys.argv[1], sys.argv[2]
    if what == "zygote":
        zygote(where)
    else:
        os._exit(launch(where, sys.argv[3:]))  # not sys.exit: stdout is the server's now, nothing to flush
