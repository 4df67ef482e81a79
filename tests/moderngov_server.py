"""A ModernGov-like site on 127.0.0.1 for the live crawl tests: it serves a folder of
saved responses by the file name an import saves each request under, and logs every
request it is asked."""
from __future__ import annotations

import contextlib
import http.server
import threading
import time
from pathlib import Path
from typing import Iterator, NamedTuple
from urllib.parse import parse_qsl, urlsplit

from graphmodel.importers.crawl import Request


class Asked(NamedTuple):
    """One request the site was asked."""
    time: float
    name: str                 # the file name the whole request is saved under
    operation: str            # the page or web service operation, e.g. GetMeetings
    query: dict[str, str]
    agent: str | None


class _Site(http.server.BaseHTTPRequestHandler):
    folder: Path
    log: list[Asked]

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        parts = urlsplit(self.path)
        query = tuple(parse_qsl(parts.query))
        path = parts.path.lstrip("/")
        request = Request(path, query)
        self.log.append(Asked(time.monotonic(), request.file_name, path.rsplit("/", 1)[-1],
                              dict(query), self.headers["User-Agent"]))
        # a committee's meetings are kept under the committee, whatever dates are asked
        saved = tuple(q for q in query if q[0] == "lCommitteeId") \
            if path.endswith("GetMeetings") else None
        file = self.folder / Request(path, query, saved_as=saved).file_name
        if not file.exists():
            self.send_error(404)
            return
        body = file.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/xml" if request.is_xml else "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[tuple[str, list[Asked]]]:
    """The site's address while it serves ``folder``, and the log of what it was asked."""
    handler = type("Handler", (_Site,), {"folder": folder, "log": []})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", handler.log
    finally:
        server.shutdown()
        server.server_close()
