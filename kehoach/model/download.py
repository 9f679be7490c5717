"""A download that ends: a total deadline and a size cap, whatever the server does.

A socket timeout bounds each read only, so a server sending one byte every few seconds (or a proxy
stalling) would hold a build forever; and reading a reply whole lets a server fill the memory. Here a
timer shuts the connection when the deadline passes, whatever phase the download is in (status line,
headers, body), and the body is read in pieces up to the cap.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.request
from typing import Any


class DownloadError(Exception):
    """A download refused or cut short; the message says why, in Vietnamese."""


def size_text(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n / 1000:g} KB"


class _Connections:
    """The sockets a download opened, so that the deadline can shut them from another thread."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.lock = threading.Lock()

    def add(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _tracked(base: type[http.client.HTTPConnection], connections: _Connections) -> Any:
    class Tracked(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            connections.add(self.sock)

    return Tracked


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, connections: _Connections) -> None:
        super().__init__()
        self.connections = connections

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_tracked(http.client.HTTPConnection, self.connections), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, connections: _Connections) -> None:
        super().__init__()
        self.connections = connections

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_tracked(http.client.HTTPSConnection, self.connections), req, context=self._context)  # type: ignore[attr-defined]


def download(url: str, deadline: float, max_bytes: int, read_timeout: float = 10) -> bytes:
    """The body at `url`, read within `deadline` seconds in all and no larger than `max_bytes`.

    Raises DownloadError when either limit is reached, and what urllib raises otherwise (URLError, OSError).
    """
    connections = _Connections()
    opener = urllib.request.build_opener(_HTTPHandler(connections), _HTTPSHandler(connections))
    timer = threading.Timer(deadline, connections.expire)
    timer.daemon = True
    timer.start()
    started = time.monotonic()
    too_slow = DownloadError(f"quá {deadline:g} giây mà chưa tải xong")
    try:
        with opener.open(url, timeout=min(read_timeout, deadline)) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise DownloadError(f"tệp {size_text(int(declared))}, lớn hơn giới hạn {size_text(max_bytes)}")
            pieces: list[bytes] = []
            total = 0
            while True:
                piece = response.read1(65536)
                if connections.expired or time.monotonic() - started > deadline:
                    raise too_slow
                if not piece:
                    return b"".join(pieces)
                total += len(piece)
                if total > max_bytes:
                    raise DownloadError(f"lớn hơn giới hạn {size_text(max_bytes)}")
                pieces.append(piece)
    except (OSError, http.client.HTTPException, ValueError):
        if connections.expired:
            raise too_slow from None
        raise
    finally:
        timer.cancel()
