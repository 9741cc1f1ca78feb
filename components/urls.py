"""Clean source links: what a source URL may not be, and when two URLs are the same page.

Pure functions, no Streamlit; the loader (components/loader.py) turns each problem into a
DataError naming the file, line and column.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

# Hosts whose only job is to send the reader on to another address: mail-security link
# wrappers, social-network and search-engine redirects, link shorteners.
REDIRECT_HOSTS = (
    "urldefense.com",
    "urldefense.proofpoint.com",
    "safelinks.protection.outlook.com",
    "protect-us.mimecast.com",
    "protect-eu.mimecast.com",
    "linkprotect.cudasvc.com",
    "l.facebook.com",
    "lm.facebook.com",
    "l.instagram.com",
    "t.co",
    "out.reddit.com",
    "href.li",
    "lnkd.in",
    "bit.ly",
    "tinyurl.com",
    "goo.gl",
    "ow.ly",
    "buff.ly",
    "t.ly",
    "rebrand.ly",
    "trk.klclick.com",
    "click.linksynergy.com",
)
# Redirects that live on one path of an ordinary host.
REDIRECT_PATHS = (
    ("google.com", "/url"),
    ("bing.com", "/ck/a"),
    ("youtube.com", "/redirect"),
    ("duckduckgo.com", "/l/"),
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_SPACE_CODE = r"(?:%(?:20|09|0a|0d|0b|0c|a0|c2%a0|e2%80%8b|e3%80%80)|\+)"
# An encoded space that pads a path segment or a query value (at its start or end, or two in a
# row): left over from copying, never part of the page's address. A single %20 between two
# words is a space in the page's real address (e.g. "Jurisdiction%2011%20Part%20B") and stays.
_PADDING_SPACE = re.compile(
    rf"(?:(?:^|[/?&=]){_SPACE_CODE}|{_SPACE_CODE}(?:$|[/?&=#])|{_SPACE_CODE}{{2}})", re.IGNORECASE
)
_WHITESPACE = re.compile(r"\s")
_DOUBLE_ENCODED = re.compile(r"%25[0-9A-Fa-f]{2}")
_LOCAL_PATH = re.compile(
    r"(?:^file:|(?:^|[/=])[A-Za-z]:[\\/]|\\|%5c|(?:^|/|:)(?:tmp|temp|var/folders)/|/appdata/|/users/[^/]+/(?:desktop|downloads|documents)/)",
    re.IGNORECASE,
)
_HOLDS_URL = re.compile(r"^(?:https?:|www\.)|^(?:https?|ftp)%3a", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def host_of(url: str) -> str:
    """The host, lower-case, without a leading 'www.' or a trailing dot ('' when there is none)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return _bare_host(parts)


def _bare_host(parts: SplitResult) -> str:
    host = (parts.hostname or "").rstrip(".")
    return host[4:] if host.startswith("www.") else host


def on_domain(host: str, domain: str) -> bool:
    """True when host is domain or one of its subdomains."""
    return host == domain or host.endswith("." + domain)


def parent_domains(host: str) -> set[str]:
    """host and each domain above it (a.b.org: a.b.org, b.org, org); on_domain(host, d) is
    `d in parent_domains(host)`: one set lookup per listed domain instead of a suffix test."""
    labels = host.split(".")
    return {".".join(labels[k:]) for k in range(len(labels))} if host else set()


@functools.lru_cache(maxsize=4096)
def url_problem(url: str) -> str | None:
    """Why url is not a clean link to an original page, in words a non-programmer can act on; None if it is."""
    if _WHITESPACE.search(url):
        return "has a space, tab or line break in it; remove it"
    if _PADDING_SPACE.search(url.split("://", 1)[-1]):
        return "has encoded spaces (%20) before or after a part of the address; remove them"
    if _LOCAL_PATH.search(url):
        return (
            "points into a folder on someone's computer or server (file:, C:\\, /tmp, Temp, AppData); "
            "cite the page on the web"
        )
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a malformed port
    except ValueError:
        return "is not a valid web address"
    del port
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "is not an absolute web address starting with http:// or https://"
    if "@" in parts.netloc:
        return "carries a user name or password before the host; remove it"
    if _EMAIL.search(unquote(unquote(url))):
        return "carries an e-mail address; remove personal data from the link"
    host = (parts.hostname or "").lower()
    if not host or host.endswith("."):
        return "has a host that ends in a dot; remove the dot"
    bare = host[4:] if host.startswith("www.") else host
    domains = parent_domains(bare)  # a suffix test per listed host was most of this function's time
    if not domains.isdisjoint(REDIRECT_HOSTS) or any(
        h in domains and parts.path.startswith(p) for h, p in REDIRECT_PATHS
    ):
        return "is a redirect or safe-link wrapper; cite the address it leads to"
    for _, value in parse_qsl(parts.query, keep_blank_values=True):
        if _HOLDS_URL.search(value.strip()):
            return "has a query parameter that holds another web address (a redirect); cite that address itself"
    if _DOUBLE_ENCODED.search(url):
        return "is encoded twice (%25 followed by a code); decode it once"
    return None


@functools.lru_cache(maxsize=4096)
def normalise_url(url: str) -> str:
    """The page a URL names, for finding the same page under two ids: no scheme, host in
    lower case without 'www.' or a trailing dot, no trailing slash, no fragment."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = _bare_host(parts)  # host_of(url), without splitting the URL a second time
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{port}{path}{query}"
