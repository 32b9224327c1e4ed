"""Downloading articles politely and safely: the only place dateline reaches the network.

A `Fetcher` holds one httpx client and what it learns about hosts (robots.txt rules, when
each host was last asked).  Every request honours robots.txt, waits its turn per host,
is bounded in time (connect, read, and a total deadline, so a server that trickles bytes
cannot hold a run) and in size (a declared Content-Length over the cap is refused before
the body is read), retries transient failures with back-off, and never goes to a private,
loopback or link-local address unless asked to.  Redirects are followed by hand, so every
hop is checked the same way and loops are caught.  Failures are `Skipped` values.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import FetchError
from ..records import RawDoc, Skipped
from ..version import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"dateline/{__version__} (news article fetcher; honours robots.txt)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "application/feed+json")
_CLOSED = ["User-agent: *", "Disallow: /"]
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """The limits every request keeps."""

    timeout: float = 20.0  # seconds to connect, and between bytes
    deadline: float = 60.0  # seconds for a whole response, however it trickles
    max_bytes: int = 20_000_000
    delay: float = 1.0  # seconds between two requests to one host (robots Crawl-delay wins if longer)
    retries: int = 2
    backoff: float = 1.0  # first retry waits this long, then doubles
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Response:
    """A finished download: what came back and from where."""

    url: str  # the final URL, after redirects
    status: int
    content_type: str
    content: bytes
    fetched_at: str
    location: str | None = None  # where a redirect points
    retry_after: float | None = None  # seconds a 429 or 503 asks us to wait


def public_address(host: str) -> bool:
    """Whether every address a host name resolves to is a public one."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror or exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global or address.is_multicast:
            return False
    return True


class _Timeout(FetchError):
    """The whole response took longer than the deadline: worth another try."""


class Fetcher:
    """One HTTP client with per-host robots.txt rules and rate limits."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        import httpx

        self.settings = settings or FetchSettings()
        timeout = httpx.Timeout(self.settings.timeout)
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                                   headers={"User-Agent": self.settings.user_agent,
                                            "Accept-Encoding": "gzip, deflate"})
        self.robots: dict[str, RobotFileParser | None] = {}
        self.last_request: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the rules every request keeps ------------------------------------------------
    def _check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url}")
        if not self.settings.allow_private and not public_address(parts.hostname):
            raise FetchError(f"{parts.hostname} is a private, loopback or reserved address "
                             "(use --allow-private to fetch from it)")

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        rules = self.robots.get(_origin(url))
        delay = self.settings.delay
        crawl_delay = rules.crawl_delay(self.settings.user_agent) if rules else None
        if crawl_delay:
            delay = max(delay, float(crawl_delay))
        last = self.last_request.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self.last_request[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """What the site's robots.txt says about this URL for our user agent."""
        origin = _origin(url)
        if origin not in self.robots:
            self.robots[origin] = self._read_robots(origin)
        rules = self.robots[origin]
        return True if rules is None else rules.can_fetch(self.settings.user_agent, url)

    def _read_robots(self, origin: str) -> RobotFileParser | None:
        """Rules of a site; None (no rules) when it has no robots.txt.  A site whose
        robots.txt is forbidden or failing is treated as closed, as crawlers agree."""
        rules = RobotFileParser(origin + "/robots.txt")
        try:
            response = self._get(origin + "/robots.txt", check_robots=False)
        except FetchError as exc:
            log.info("robots.txt of %s unreadable (%s): not fetching from it", origin, exc)
            rules.parse(_CLOSED)
            return rules
        if response.status in (401, 403) or response.status >= 500:
            rules.parse(_CLOSED)
        elif response.status >= 400:
            return None
        else:
            rules.parse(response.content.decode("utf-8", errors="replace").splitlines())
        return rules

    # -- requests ---------------------------------------------------------------------
    def get(self, url: str) -> Response:
        """The final response for a URL, redirects followed; `FetchError` says why not."""
        return self._get(url, check_robots=True)

    def _get(self, url: str, *, check_robots: bool) -> Response:
        seen = {url}
        for _ in range(self.settings.max_redirects + 1):
            self._check_address(url)
            if check_robots and not self.allowed(url):
                raise FetchError(f"robots.txt disallows {url}")
            response = self._request(url)
            if response.location is None:
                return response
            url = urljoin(url, response.location)
            if url in seen:
                raise FetchError(f"redirect loop at {url}")
            seen.add(url)
        raise FetchError(f"more than {self.settings.max_redirects} redirects from {url}")

    def _request(self, url: str) -> Response:
        import httpx

        attempt = 0
        while True:
            self._wait_turn(url)
            try:
                response = self._download(url)
            except (httpx.TimeoutException, httpx.TransportError, _Timeout) as exc:
                if attempt >= self.settings.retries:
                    raise FetchError(f"{_describe(exc)} after {attempt + 1} tries: {url}") from exc
                wait = self.settings.backoff * 2 ** attempt
            else:
                if response.status not in _RETRY_STATUS or attempt >= self.settings.retries:
                    return response
                wait = self.settings.backoff * 2 ** attempt
                if response.retry_after is not None:
                    wait = min(max(wait, response.retry_after), self.settings.deadline)
            attempt += 1
            log.info("retrying %s in %.1fs", url, wait)
            time.sleep(wait)

    def _download(self, url: str) -> Response:
        """One GET, streamed under the size cap and the total deadline."""
        limit = self.settings.max_bytes
        start = time.monotonic()
        with self.client.stream("GET", url) as response:
            fetched_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            ctype = response.headers.get("content-type", "").lower()
            if response.is_redirect:
                return Response(url, response.status_code, ctype, b"", fetched_at,
                                location=response.headers["location"])
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(f"body of {int(declared)} bytes is over the limit of {limit}: {url}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"body is over the limit of {limit} bytes: {url}")
                if time.monotonic() - start > self.settings.deadline:
                    raise _Timeout(f"timed out: no complete response within "
                                   f"{self.settings.deadline:g}s")
                chunks.append(chunk)
            content = _decompress(b"".join(chunks), response.headers.get("content-encoding"), limit)
            return Response(str(response.url), response.status_code, ctype, content, fetched_at,
                            retry_after=retry_after(response.headers.get("retry-after")))


def fetch_articles(urls: Iterable[str | tuple[str, str | None]], fetcher: Fetcher
                   ) -> Iterator[RawDoc | Skipped]:
    """Raw documents for article URLs (optionally with a date from a feed), or skips."""
    for item in urls:
        url, date = item if isinstance(item, tuple) else (item, None)
        try:
            response = fetcher.get(url)
        except FetchError as exc:
            log.warning("not fetched: %s", exc)
            yield Skipped(url, f"fetch failed: {exc}")
            continue
        yield from _as_document(url, date, response)


def _as_document(url: str, date: str | None, response: Response) -> Iterator[RawDoc | Skipped]:
    if not 200 <= response.status < 300:
        yield Skipped(url, f"HTTP {response.status} from {response.url}")
        return
    kind = ("html" if any(t in response.content_type for t in HTML_TYPES) else
            "text" if any(t in response.content_type for t in TEXT_TYPES) else None)
    if kind is None:
        yield Skipped(url, f"not an article: content type {response.content_type or 'unknown'} "
                           f"from {response.url}")
        return
    yield RawDoc(source=url, content=response.content, content_type=kind, url=response.url,
                 fetched_at=response.fetched_at, date=date, http_status=response.status)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _describe(exc: Exception) -> str:
    import httpx

    if isinstance(exc, _Timeout):
        return str(exc)
    if isinstance(exc, httpx.TimeoutException):
        return "timed out waiting for the server"
    return f"{type(exc).__name__}: {exc}"


def _decompress(raw: bytes, encoding: str | None, limit: int) -> bytes:
    """The body without its transfer compression, still under the size cap."""
    import zlib

    encoding = (encoding or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(raw, limit + 1)
        except zlib.error as exc:
            raise FetchError(f"corrupt {encoding} body: {exc}") from exc
        if len(out) > limit:
            raise FetchError(f"body is over the limit of {limit} bytes once decompressed")
        return out
    if encoding in ("", "identity"):
        return raw
    raise FetchError(f"unsupported content encoding {encoding!r}")


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
