"""JSON encoding and decoding on orjson, with the standard library's json as the fallback.

Every update encodes and decodes JSON several times (the Bot API's request bodies and answers,
keyboards, the conversation's cursor and draft columns); orjson does each in a fraction of the
json module's time. Where orjson refuses what json accepts (a lone surrogate in a string, a
dict with non-string keys, NaN), the json module does the work, so nothing that worked before
fails now. orjson writes compact UTF-8 where json.dumps wrote spaces and \\u escapes: the same
JSON for every reader.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps_bytes(value: Any) -> bytes:
    """`value` as JSON, UTF-8 encoded."""
    try:
        return orjson.dumps(value)
    except TypeError:  # orjson.JSONEncodeError: a lone surrogate, a non-string key, ...
        return json.dumps(value).encode()


def dumps_text(value: Any) -> str:
    """`value` as JSON text."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value)


def loads(data: bytes | str) -> Any:
    """The value of a JSON document; ValueError (json.JSONDecodeError) when it is not one."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        # A lone surrogate escape, NaN or invalid UTF-8: json decides (and raises when it too
        # finds no JSON). Bytes that are not UTF-8 fail there as they failed before.
        return json.loads(data)
