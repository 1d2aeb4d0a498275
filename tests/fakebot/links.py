"""Telegram's URL check for buttons and links, ported from TDLib (LinkManager::check_link).

Telegram accepts ``http``/``https`` URLs (a bare ``example.org`` counts as ``http://``) whose host
contains a dot, and ``tg://`` links; everything else is rejected with the reasons used here.
"""

from __future__ import annotations


class LinkError(ValueError):
    """Why TDLib refuses a URL, e.g. "Wrong HTTP URL" or "Unsupported URL protocol"."""


_URL_SAFE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_!$,~*'();&+="
)
_HEX = frozenset("0123456789abcdefABCDEF")


def _check_part(part: str, name: str, allow_colon: bool) -> None:
    """Characters RFC 3986 allows in a host or userinfo, percent escapes, or non-ASCII."""
    i = 0
    while i < len(part):
        char = part[i]
        if char in _URL_SAFE or (allow_colon and char == ":"):
            i += 1
            continue
        if char == "%":
            escaped = part[i + 1 : i + 3]
            if len(escaped) == 2 and escaped[0] in _HEX and escaped[1] in _HEX:
                i += 3
                continue
            raise LinkError(f"Wrong percent-encoded symbol in URL {name}")
        if ord(char) >= 128:  # plain UTF-8 symbols are allowed
            i += 1
            continue
        raise LinkError(f"Disallowed character in URL {name}")


def parse_url(url: str) -> tuple[str, str, str, int, str]:
    """td::parse_url: (protocol, userinfo, host, specified port, query) or LinkError."""
    protocol = "http"
    rest = url
    cut = len(url)
    for stop in ":/?#@[]":
        found = url.find(stop)
        if found != -1:
            cut = min(cut, found)
    if url[cut : cut + 3] == "://":
        scheme = url[:cut].lower()
        if scheme not in ("http", "https"):
            raise LinkError("Unsupported URL protocol")
        protocol = scheme
        rest = url[cut + 3 :]
    end = len(rest)
    for stop in "/?#":
        found = rest.find(stop)
        if found != -1:
            end = min(end, found)
    authority, query = rest[:end], rest[end:]

    port = 0
    colon = len(authority) - 1
    while colon > 0 and authority[colon] not in ":]@":
        colon -= 1
    userinfo_host = authority
    if colon > 0 and authority[colon] == ":":
        port_text = authority[colon + 1 :]
        while len(port_text) > 1 and port_text[0] == "0":
            port_text = port_text[1:]
        port = int(port_text) if port_text.isdigit() and port_text.isascii() else -1
        if port == 0:
            port = -1
        userinfo_host = authority[:colon]
    if port < 0 or port > 65535:
        raise LinkError("Wrong port number specified in the URL")

    at = userinfo_host.rfind("@")
    userinfo = userinfo_host[:at] if at != -1 else ""
    host = userinfo_host[at + 1 :]
    is_ipv6 = len(host) >= 2 and host[0] == "[" and host[-1] == "]"
    if not host:
        raise LinkError("URL host is empty")
    if host == ".":
        raise LinkError("Host is invalid")

    query = query.rstrip(" \t\r\n\v\0")
    if not query:
        query = "/"
    encoded = "" if query[0] == "/" else "/"
    for char in query:
        encoded += f"%{ord(char):02X}" if ord(char) <= 0x20 else char

    host = host.lower()
    if is_ipv6:
        if any(c not in ":0123456789abcdef." for c in host[1:-1]):
            raise LinkError("Wrong IPv6 URL host")
    else:
        _check_part(host, "host", False)
        _check_part(userinfo, "userinfo", True)
    return protocol, userinfo, host, port, encoded


def check_link(link: str) -> str:
    """The link as Telegram stores it (e.g. ``example.org`` -> ``http://example.org/``)."""
    is_tg = link[:3].lower() == "tg:"
    rest = link[3:] if is_tg else link
    if is_tg and rest.startswith("//"):
        rest = rest[2:]
    protocol, userinfo, host, port, query = parse_url(rest)
    if is_tg:
        if rest[:7].lower() == "http://" or protocol == "https" or userinfo or port:
            raise LinkError("Wrong tg URL")
        if len(query) > 1 and query[1] == "?":
            query = query[1:]
        if any(not (c.isascii() and (c.isalnum() or c in "-_")) for c in host):
            raise LinkError("Unallowed characters in URL host")
        return f"tg://{host}{query}"
    if "." not in host and not host.startswith("["):
        raise LinkError("Wrong HTTP URL")
    authority = f"{userinfo}@{host}" if userinfo else host
    if port:
        authority += f":{port}"
    return f"{protocol}://{authority}{query}"


def describe_link_error(link: str, error: LinkError) -> str:
    """TDLib's wording: ``URL '<link>' is invalid: <reason>``."""
    return f"URL '{link}' is invalid: {error}"
