"""A local Neo4j Community 5.26 server for development and tests.

Neo4j publishes its server as jars on Maven Central. The first ``start``
assembles them with Maven into a cache directory (about 120 MB, once), writes
a configuration bound to 127.0.0.1, starts the server with the machine's Java
17+, and waits until Bolt answers. The instance's state (pid, port, uri) is
kept in its directory so that ``stop`` and ``status`` find it again.

Users who already have Neo4j (Docker ``neo4j:5``, Neo4j Desktop, Aura) do not
need any of this: point NEO4J_URI at their server.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator, NamedTuple

from graphmodel.problems import SERVER_NOT_STARTED, GraphmodelError

__all__ = ["NEO4J_VERSION", "ServerError", "ServerInfo", "default_dir", "assemble",
           "start", "stop", "status", "what_answers", "Listener"]

NEO4J_VERSION = "5.26.30"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
JVM_FLAGS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    # the throughput collector: a bulk load spends a fifth less CPU than with G1
    "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Dfile.encoding=UTF-8",
    # Smaller inlining budgets for the optimising compiler: a server just started spends
    # the opening seconds of its first load compiling Neo4j's code, and on 2 cores that
    # competes with the load itself. Three paired runs of the same 1.1-million-membership
    # first load: 53.1-56.8 s against 61.5-71.2 s, the server's CPU 83-88 s against 102-115 s
    "-XX:FreqInlineSize=160", "-XX:InlineSmallCode=1000",
    # Flags Neo4j's own launcher passes: the heap is committed at start-up rather than
    # page by page during the first load, and final fields count as constants. Three
    # paired first loads of 1.1 million memberships: 49.0-53.5 s against 55.1-58.1 s,
    # the server's CPU 75-82 s against 86-91 s; start-up takes 1-2 s longer with a 1 GiB heap
    "-XX:+AlwaysPreTouch", "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC",
]
if sys.platform.startswith("linux"):  # the flag exists only there; loads ran 5-15% faster
    JVM_FLAGS.append("-XX:+UseTransparentHugePages")
ALTERNATIVES = ("Alternatively use a Neo4j 5 server you already have: set NEO4J_URI (and "
                "NEO4J_USERNAME, NEO4J_PASSWORD) to it, e.g. the Docker image neo4j:5 "
                "(docker run -p 7687:7687 neo4j:5), Neo4j Desktop or Neo4j Aura.")

_POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>graphmodel</groupId>
  <artifactId>neo4j-server</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>{version}</version>
    </dependency>
  </dependencies>
</project>
"""


class ServerError(GraphmodelError):
    """The local server could not be assembled, started or stopped."""
    exit_code = SERVER_NOT_STARTED


@dataclass(frozen=True)
class ServerInfo:
    """A running (or last started) local instance."""
    pid: int
    port: int
    uri: str
    home: str
    auth: bool

    @property
    def running(self) -> bool:
        return _alive(self.pid)


def default_dir() -> Path:
    """Where jars and instances live: $GRAPHMODEL_HOME, else the user's cache directory."""
    if os.environ.get("GRAPHMODEL_HOME"):
        return Path(os.environ["GRAPHMODEL_HOME"]) / "neo4j"
    return _cache_dir()


def _cache_dir() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "graphmodel" / "neo4j"


def _require(tool: str, why: str) -> str:
    path = shutil.which(tool)
    if not path:
        raise ServerError(f"{tool} is not installed; it is needed to {why}. Install a "
                          f"JDK 17+ and Maven (Debian: apt-get install openjdk-17-jdk-headless "
                          f"maven). {ALTERNATIVES}")
    return path


def _java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        raise ServerError(f"cannot tell the Java version from: {out.strip()[:200]}")
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 else major


def assemble(root: Path, version: str = NEO4J_VERSION, quiet: bool = True) -> Path:
    """Fetch the server's jars from Maven Central into root/<version>/lib, once."""
    lib = root / version / "lib"
    marker = lib / ".complete"
    if marker.exists():
        return lib
    mvn = _require("mvn", "assemble Neo4j from Maven Central")
    build = root / version
    build.mkdir(parents=True, exist_ok=True)
    (build / "pom.xml").write_text(_POM.format(version=version), encoding="utf-8")
    partial = build / "lib.partial"
    shutil.rmtree(partial, ignore_errors=True)
    command = [mvn, "-B", *(["-q"] if quiet else []), "-f", str(build / "pom.xml"),
               "dependency:copy-dependencies", f"-DoutputDirectory={partial}",
               "-DincludeScope=runtime"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise ServerError(f"Maven could not fetch Neo4j {version} (exit {result.returncode}):\n"
                          f"{tail}\n{ALTERNATIVES}")
    shutil.rmtree(lib, ignore_errors=True)
    partial.rename(lib)
    marker.touch()
    return lib


def _config(home: Path, port: int, auth: bool, heap: str, pagecache: str) -> str:
    dirs = {name: home / name for name in ("data", "logs", "run", "plugins", "import")}
    lines = [f"server.directories.{name}={path}" for name, path in dirs.items()]
    lines += [
        f"server.bolt.listen_address=127.0.0.1:{port}",
        f"server.bolt.advertised_address=127.0.0.1:{port}",
        "server.http.enabled=false", "server.https.enabled=false",
        "dbms.usage_report.enabled=false",
        f"dbms.security.auth_enabled={'true' if auth else 'false'}",
        f"server.memory.heap.max_size={heap}", f"server.memory.pagecache.size={pagecache}",
        "db.tx_log.rotation.retention_policy=2 files", "db.tx_log.preallocate=false",
        # A body's relationships (tens to hundreds of members) stay in one chain rather
        # than the grouped layout from 50 on: a large load writes them about 12% faster
        "db.relationship_grouping_threshold=2000",
        # Bolt otherwise waits two 5 s quiet periods on shutdown; must be a bare 0
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
    ]
    return "\n".join(lines) + "\n"


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    try:  # a zombie (exited, not yet reaped) is not alive
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return True


def _instance(root: Path, port: int) -> Path:
    return root / "instances" / str(port)


def _read_info(home: Path) -> ServerInfo | None:
    try:
        return ServerInfo(**json.loads((home / "server.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _set_password(java: str, lib: Path, home: Path, password: str) -> None:
    if len(password) < 8:
        raise ServerError("NEO4J_PASSWORD must be at least 8 characters for a Neo4j 5 server")
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    result = subprocess.run([java, "-cp", f"{lib}/*", ADMIN_CLASS, "dbms",
                             "set-initial-password", password],
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise ServerError("could not set the initial password (the admin tool said: "
                          f"{result.stderr.strip().replace(password, '***')[:300]})")


def start(port: int = 7687, root: Path | None = None, password: str | None = None,
          heap: str = "1g", pagecache: str = "512m", timeout: float = 120.0,
          fresh: bool = False, home: Path | None = None) -> ServerInfo:
    """Start a local server on 127.0.0.1:port and wait until Bolt answers.

    With a password, auth is on and the password becomes the initial password of
    user neo4j (on a new instance); without one, auth is off (a throwaway
    development server). ``fresh`` deletes the instance's data first; ``home``
    puts the instance somewhere other than the cache (tests use a temporary one).
    """
    root = Path(root) if root else default_dir()
    home = Path(home) if home else _instance(root, port)
    info = _read_info(home)
    if info and info.running:
        return info
    java = _require("java", "run the Neo4j server")
    if _java_major(java) < 17:
        raise ServerError(f"Neo4j {NEO4J_VERSION} needs Java 17 or later. {ALTERNATIVES}")
    if not _port_free(port):
        raise ServerError(f"port {port} on 127.0.0.1 is in use; choose another with --port")
    lib = assemble(root)
    if fresh:
        shutil.rmtree(home, ignore_errors=True)
    (home / "conf").mkdir(parents=True, exist_ok=True)
    auth = password is not None
    (home / "conf" / "neo4j.conf").write_text(_config(home, port, auth, heap, pagecache),
                                              encoding="utf-8")
    if password is not None and not (home / "data" / "dbms" / "auth.ini").exists():
        _set_password(java, lib, home, password)
    log = open(home / "console.log", "ab")
    process = subprocess.Popen(
        [java, f"-Xmx{heap}", f"-Xms{heap}", *JVM_FLAGS, "-cp", f"{lib}/*", MAIN_CLASS,
         f"--home-dir={home}", f"--config-dir={home / 'conf'}", "--console-mode"],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True)
    log.close()
    info = ServerInfo(process.pid, port, f"bolt://127.0.0.1:{port}", str(home), auth)
    (home / "server.json").write_text(json.dumps(asdict(info)), encoding="utf-8")
    _wait_for_bolt(info, process, timeout)
    return info


def _wait_for_bolt(info: ServerInfo, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = _log_tail(Path(info.home))
            raise ServerError(f"Neo4j exited with code {process.returncode} while starting; "
                              f"the end of its log:\n{tail}")
        if len(_handshake(info.port) or b"") == 4:
            return
        time.sleep(0.25)
    stop_instance(info)
    raise ServerError(f"Neo4j did not answer on {info.uri} within {timeout:.0f} s; "
                      f"see {Path(info.home) / 'console.log'}")


def _handshake(port: int, timeout: float = 1.0) -> bytes | None:
    """What a server on 127.0.0.1:port answers to Bolt's opening handshake: from Neo4j,
    the Bolt version it agrees to, in four bytes; None when nothing listens there."""
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except OSError:
        return None
    with s:
        try:
            s.sendall(b"\x60\x60\xb0\x17" + b"\x00\x00\x08\x05" + b"\x00" * 12)
            return s.recv(4)
        except OSError:
            return b""


class Listener(NamedTuple):
    """What listens on a port: Neo4j (it speaks Bolt) or not, in words."""
    neo4j: bool
    text: str


def what_answers(port: int) -> Listener | None:
    """What listens on 127.0.0.1:port; None when nothing does."""
    reply = _handshake(port)
    if reply is None:
        return None
    if len(reply) == 4 and reply[3] and not reply.startswith(b"HTTP"):
        return Listener(True, f"a Neo4j server (Bolt {reply[3]}.{reply[2]})")
    return Listener(False, "a server that does not speak Bolt")


def _log_tail(home: Path, lines: int = 15) -> str:
    try:
        text = (home / "console.log").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.strip().splitlines()[-lines:])


def stop_instance(info: ServerInfo, timeout: float = 60.0) -> bool:
    """SIGTERM the server and wait for it to exit (SIGKILL after timeout)."""
    if not info.running:
        return False
    os.kill(info.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while info.running and time.monotonic() < deadline:
        time.sleep(0.1)
    if info.running:
        os.kill(info.pid, signal.SIGKILL)
    return True


def stop(port: int = 7687, root: Path | None = None) -> bool:
    """Stop the local instance on a port (found as :func:`status` finds it); False if
    none was running."""
    info = status(port, root)
    return info is not None and stop_instance(info)


def status(port: int = 7687, root: Path | None = None) -> ServerInfo | None:
    """The local instance graphmodel started on a port, if it is running, else None.

    It is looked for where ``start`` records it: under ``root`` (default: $GRAPHMODEL_HOME
    or the user's cache directory), then under the user's cache directory, then among
    the running servers graphmodel started anywhere (their command line names their
    directory), so that a terminal without the first one's GRAPHMODEL_HOME finds it.
    """
    for home in _homes(port, root):
        info = _read_info(home)
        if info and info.port == port and info.running:
            return info
    return None


def _homes(port: int, root: Path | None) -> Iterator[Path]:
    yield _instance(Path(root) if root else default_dir(), port)
    yield _instance(_cache_dir(), port)
    yield from _running_homes()


def _running_homes() -> Iterator[Path]:
    """The directories of the Neo4j servers graphmodel started that are running now."""
    for args in _command_lines():
        if MAIN_CLASS in args:
            yield from (Path(a.split("=", 1)[1]) for a in args if a.startswith("--home-dir="))


def _command_lines() -> Iterator[list[str]]:
    """Every running process's command line, as its arguments (those this user may read)."""
    proc = Path("/proc")
    if proc.is_dir():
        for entry in proc.iterdir():
            if entry.name.isdigit():
                try:
                    yield (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
                except OSError:
                    continue
        return
    try:
        listing = subprocess.run(["ps", "-A", "-o", "args="], capture_output=True, text=True,
                                 timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return
    yield from (line.split() for line in listing.splitlines())
