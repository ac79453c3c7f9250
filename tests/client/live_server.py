"""A live attache-server for the client tests: the real binary on a free
loopback port, stopped with SIGTERM at the end.

The server logs "event=serving port=N" on stderr once it listens; that line
gives the port, so tests running in parallel never collide.
"""

import os
import re
import signal
import socket
import subprocess
import threading

_SERVING = re.compile(r"event=serving port=(\d+)")


class LiveServer:
    """Context manager: ``with LiveServer(binary) as server: server.target``."""

    def __init__(self, binary: str, *extra_args: str):
        self._command = [binary, "--listen=127.0.0.1:0", "--metrics_listen=", "--store_url=",
                         "--workers=2", *extra_args]
        self._process = None
        self._log = []
        self.target = None

    def __enter__(self) -> "LiveServer":
        self._process = subprocess.Popen(
            self._command, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port_found = threading.Event()

        def drain():
            # Keeps reading so that the server never blocks on a full pipe.
            for line in self._process.stderr:
                self._log.append(line)
                match = _SERVING.search(line)
                if match and self.target is None:
                    self.target = f"127.0.0.1:{match.group(1)}"
                    port_found.set()
            port_found.set()

        threading.Thread(target=drain, daemon=True).start()
        if not port_found.wait(timeout=120) or self.target is None:
            self._process.kill()
            raise RuntimeError("attache-server did not start:\n" +
                               "".join(self._log))
        return self

    def __exit__(self, *exc_info) -> None:
        self._process.send_signal(signal.SIGTERM)
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def log(self) -> str:
        return "".join(self._log)


def unused_target() -> str:
    """A loopback target with nothing listening on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"127.0.0.1:{port}"


def required_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set (run the test through ctest)")
    return value
