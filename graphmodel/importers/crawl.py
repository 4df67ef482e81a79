"""Reading a ModernGov site politely, or a folder of responses saved from one.

Every response is saved under a file name made from the request
(``GetCommittees_lDummy=0.xml``, ``mgCommitteeDetails_ID=12.html``), so a crawl
can be saved once and read again offline: the same folder is the crawler's cache,
a re-run fetches nothing it already has, and an interrupted crawl resumes where
it stopped. An operation the site lacks is remembered as ``NAME.missing``.

Requests go one at a time, ``delay`` seconds apart, naming graphmodel in their
User-Agent. Personal contact details (addresses, phone numbers, e-mail addresses)
are removed from the web service's XML before it is saved.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from lxml import etree

from graphmodel.problems import UsageError

if TYPE_CHECKING:
    import requests

__all__ = ["Request", "Page", "SavedSite", "LiveSite", "open_site", "default_cache",
           "SiteError", "USER_AGENT"]

USER_AGENT = "graphmodel/0.1 (partnership network importer; one request at a time)"
# HTTP statuses by which a site says it has no such operation or page
_MISSING = {400, 404, 410, 500, 501}
_PRIVATE = re.compile(r"address|phone|fax|mobile|email|postcode|post_code", re.I)


class SiteError(UsageError):
    """The site cannot be read: unreachable, refusing, or not a ModernGov site."""


@dataclass(frozen=True)
class Request:
    """One operation of the web service, or one page, with its query."""
    path: str                      # "mgWebService.asmx/GetCommittees", "mgCommitteeDetails.aspx"
    params: tuple[tuple[str, str], ...] = ()
    # the part of the query that names the saved response, when not all of it does:
    # a committee's meetings are saved under the committee, whatever dates were asked
    saved_as: tuple[tuple[str, str], ...] | None = None

    @property
    def file_name(self) -> str:
        stem = self.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        named = self.params if self.saved_as is None else self.saved_as
        query = "".join(f"_{k}={v}" for k, v in named)
        return f"{stem}{query}.{'xml' if self.is_xml else 'html'}"

    @property
    def is_xml(self) -> bool:
        return ".asmx/" in self.path

    def url(self, base: str | None) -> str:
        query = f"?{urlencode(self.params)}" if self.params else ""
        return f"{base}/{self.path}{query}" if base else self.file_name


@dataclass(frozen=True)
class Page:
    """A response: its text and the address it came from (its provenance)."""
    text: bytes
    url: str


class SavedSite:
    """A folder of saved responses; ``site.txt`` in it names the site's address."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        marker = self.folder / "site.txt"
        self.base = marker.read_text(encoding="utf-8").strip() if marker.exists() else None
        self.requests = 0

    def get(self, request: Request) -> Page | None:
        file = self.folder / request.file_name
        if not file.exists():
            return None
        return Page(file.read_bytes(), request.url(self.base))

    def describe(self) -> str:
        return self.base or str(self.folder)

    def forget(self, request: Request) -> None:
        """Drop a response that proved unusable (a saved crawl is left as it is)."""


class LiveSite(SavedSite):
    """A site on the web, read through a cache folder of saved responses."""

    def __init__(self, base: str, cache: str | os.PathLike[str], delay: float) -> None:
        super().__init__(cache)
        self.base, self.delay = base, delay
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "site.txt").write_text(base + "\n", encoding="utf-8")
        self._session: requests.Session | None = None
        self._last = 0.0

    def get(self, request: Request) -> Page | None:
        saved = super().get(request)
        if saved is not None or (self.folder / f"{request.file_name}.missing").exists():
            return saved
        status, body = self._fetch(request.url(self.base))
        if status in _MISSING:
            _save(self.folder / f"{request.file_name}.missing", f"HTTP {status}\n".encode())
            return None
        if status != 200:
            raise SiteError(f"{request.url(self.base)}: the site answered HTTP {status}; "
                            "try again later, perhaps with a longer --delay (what was read "
                            "is kept, and a re-run resumes from there)")
        if request.is_xml:
            body = without_contact_details(body)
        _save(self.folder / request.file_name, body)
        return Page(body, request.url(self.base))

    def forget(self, request: Request) -> None:
        (self.folder / request.file_name).unlink(missing_ok=True)

    def _fetch(self, url: str) -> tuple[int, bytes]:
        import requests   # only a site on the web needs it (see graphmodel.startup)

        if self._session is None:
            self._session = requests.Session()
            self._session.headers["User-Agent"] = USER_AGENT
        wait = self._last + self.delay - time.monotonic()
        if wait > 0 and self.requests:
            time.sleep(wait)
        self.requests += 1
        try:
            response = self._session.get(url, timeout=60)
        except requests.RequestException as exc:
            raise SiteError(f"{url}: cannot be reached ({type(exc).__name__}); check the "
                            "address and the connection (what was read is kept, and a "
                            "re-run resumes from there)") from None
        finally:
            self._last = time.monotonic()
        return response.status_code, response.content


def without_contact_details(xml: bytes) -> bytes:
    """The XML with every address, phone, fax, mobile and e-mail element removed."""
    try:
        root = etree.fromstring(xml, parser=safe_xml_parser())
    except etree.XMLSyntaxError:
        return xml  # not XML: kept as it is, and reported when it is read
    for element in list(root.iter()):
        if isinstance(element.tag, str) and _PRIVATE.search(etree.QName(element).localname):
            element.getparent().remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def safe_xml_parser() -> etree.XMLParser:
    """An XML parser that neither resolves entities nor touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _save(file: Path, body: bytes) -> None:
    # written whole then renamed: an interrupted crawl never leaves half a response
    partial = file.with_name(file.name + ".part")
    partial.write_bytes(body)
    os.replace(partial, file)


def default_cache(base: str) -> Path:
    """Where a site's responses are kept, under $GRAPHMODEL_HOME, else the user's cache:
    ``moderngov/HOST``, or ``moderngov/HOST_PATH`` for a site below the host's root."""
    home = os.environ.get("GRAPHMODEL_HOME")
    root = Path(home) if home else Path(os.environ.get("XDG_CACHE_HOME")
                                        or Path.home() / ".cache") / "graphmodel"
    parts = urlsplit(base)
    # the path too: two addresses on one host are two sites, and must not share answers
    name = (parts.hostname or "site") + parts.path.rstrip("/").replace("/", "_")
    return root / "moderngov" / name


def open_site(site: str, cache: str | os.PathLike[str] | None = None,
              delay: float = 1.0) -> SavedSite:
    """A site's address (http:// or https://) or a folder of saved responses."""
    if re.match(r"https?://", site, re.I):
        parts = urlsplit(site)
        path = parts.path.rstrip("/")
        if path.rsplit("/", 1)[-1].lower().endswith((".aspx", ".asmx", ".htm", ".html")):
            path = path.rsplit("/", 1)[0]   # a page of the site: its folder is the site
        base = f"{parts.scheme}://{parts.netloc}{path}"
        return LiveSite(base, cache or default_cache(base), delay)
    if Path(site).is_dir():
        return SavedSite(site)
    raise UsageError(f"{site}: neither a site address (https://...) nor a folder of saved "
                     "responses")
