"""The README's tour, command by command as written, on a fresh copy of the repository.

The copy holds the repository's tracked files, as a clone does. Its `.venv` is what
`make demo` makes, made without a network: graphmodel installed into it (editable, as
`make demo` installs it) with its dependencies taken from the tests' own environment. Then
`make demo` runs there, and each command of the tour's ```sh blocks runs in bash, in
order, in the environment the commands before it left (so `source .venv/bin/activate`
does what it does at a terminal). Each must exit 0 and write what it says it writes.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from moderngov_site import write_saved_crawl

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLE_SITE = "examples/democracy.example.gov.uk"
# the commands that look at the network on a day, and say which on stderr
REVIEWS = {"summary", "gaps", "chains", "overlaps", "resources", "check", "diff", "map",
           "present", "report"}


def tour_commands(readme: str) -> list[str]:
    """The lines of the ```sh blocks under the README's "## Tour" heading, in order (a
    line ending in a backslash goes on on the next)."""
    tour = readme.split("\n## Tour\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```", tour, re.S | re.M)
    return [line.strip() for block in blocks
            for line in block.replace("\\\n", " ").splitlines() if line.strip()]


def test_the_tour_activates_graphmodel_then_runs_it_on_the_seeds_and_a_moderngov_site():
    commands = tour_commands(README)
    assert commands[0] == "source .venv/bin/activate"
    programs = [shlex.split(c, comments=True)[:3] for c in commands[1:]]
    assert all(p[0] == "graphmodel" for p in programs)
    assert ["graphmodel", "import", "moderngov"] in programs
    assert any("seed_data/leeds" in c for c in commands)
    assert any(EXAMPLE_SITE in c for c in commands)
    # never a live site: the tour runs with no network
    assert not any("http" in c for c in commands)


def test_the_example_site_is_the_saved_crawl_the_tests_write(tmp_path):
    written = write_saved_crawl(tmp_path / "site")
    shipped = ROOT / EXAMPLE_SITE
    assert sorted(p.name for p in shipped.iterdir()) == sorted(p.name for p in written.iterdir())
    for file in written.iterdir():
        assert (shipped / file.name).read_bytes() == file.read_bytes(), (
            f"run: python tests/moderngov_site.py {EXAMPLE_SITE}")


def _tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode("utf-8")
    # a tracked file deleted in the working tree is not in a clone of it either
    return [name for name in listed.split("\0") if name and (ROOT / name).exists()]


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A copy of the repository's tracked files with the .venv `make demo` makes."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("the tour is followed on a copy of a git checkout's tracked files")
    clone = tmp_path_factory.mktemp("tour") / "graphmodel"
    for name in _tracked_files():
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, clone / name)
    env_dir = clone / ".venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    # the dependencies: this environment's packages, as a path (its .pth files unread, so
    # the graphmodel installed here is not the one imported there)
    Path(site.stdout.strip(), "tests-environment.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "-e",
                    str(clone)], check=True, capture_output=True, timeout=600)
    (env_dir / ".installed").touch()             # what make demo's install step leaves
    return clone


def _terminal_environment(clone: Path) -> dict[str, str]:
    """A fresh terminal's: no environment activated, no graphmodel on PATH."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "NEO4J_URI")}
    outside = {str(Path(sys.prefix) / "bin"), str(Path(sys.executable).parent)}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if p and p not in outside)
    env["GRAPHMODEL_HOME"] = str(clone.parent / "graphmodel-home")
    return env


class Terminal:
    """Runs commands one after another in bash, each in the environment and folder the
    one before it left, as at a terminal."""

    def __init__(self, cwd: Path, env: dict[str, str]) -> None:
        self.cwd, self.env = cwd, env
        self._state = cwd.parent / "terminal-state"

    def run(self, command: str) -> subprocess.CompletedProcess:
        script = (f"{command}\nstatus=$?\nenv -0 > {shlex.quote(str(self._state))}.env\n"
                  f"pwd > {shlex.quote(str(self._state))}.pwd\nexit $status\n")
        done = subprocess.run(["bash", "-c", script], cwd=self.cwd, env=self.env,
                              capture_output=True, text=True, timeout=900)
        pairs = Path(f"{self._state}.env").read_bytes().decode("utf-8").split("\0")
        self.env = dict(p.split("=", 1) for p in pairs if "=" in p)
        self.cwd = Path(Path(f"{self._state}.pwd").read_text(encoding="utf-8").strip())
        return done


def written_by(command: str, stderr: str, cwd: Path) -> list[Path]:
    """What a command says it writes: its --out, and each path a "wrote ..." line names."""
    words = shlex.split(command, comments=True)
    paths = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--out"]
    for line in stderr.splitlines():
        if line.startswith("wrote "):
            named = line[len("wrote "):].split(": ", 1)[0]
            paths += [p for p in named.split(", ") if " " not in p]
    return [cwd / p for p in paths]


def test_the_readme_s_tour_runs_as_written_on_a_fresh_clone(clone):
    terminal = Terminal(clone, _terminal_environment(clone))
    assert terminal.run("command -v graphmodel").returncode == 1   # not yet

    # the first set-up command (make test is the one running this)
    demo = terminal.run("make demo")
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "pip install" not in demo.stdout                         # installed already
    for dataset in ("leeds", "harborough"):
        assert (clone / "visualisations" / dataset / "deck.html").exists()

    for command in tour_commands(README):
        before = {p for p in clone.rglob("*") if ".venv" not in p.parts}
        done = terminal.run(command)
        said = f"$ {command}\n{done.stdout}{done.stderr}"
        assert done.returncode == 0, said
        assert "Traceback" not in said
        words = shlex.split(command, comments=True)
        if words[:1] == ["graphmodel"] and words[1] in REVIEWS:
            assert re.search(r"^as of \d{4}-\d\d-\d\d", done.stderr, re.M), said
        for path in written_by(command, done.stderr, terminal.cwd):
            assert path.exists() and path not in before, (path, said)
            if path.is_dir():
                assert any(path.iterdir()), (path, said)
            else:
                assert path.stat().st_size > 0, (path, said)

    # after `source .venv/bin/activate`, graphmodel is the clone's own
    where = terminal.run("command -v graphmodel")
    assert where.stdout.strip() == str(clone / ".venv" / "bin" / "graphmodel")
    imported = terminal.run("python -c 'import graphmodel; print(graphmodel.__file__)'")
    assert imported.stdout.strip() == str(clone / "graphmodel" / "__init__.py")
