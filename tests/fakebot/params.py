"""Decoding a Bot API request: query string, form fields, multipart uploads or a JSON body.

python-telegram-bot sends every parameter as a form field (``application/x-www-form-urlencoded``,
or ``multipart/form-data`` when files are attached): strings as they are, everything else
JSON-encoded (``true``, ``42``, ``{"inline_keyboard": ...}``). Other clients and webhook replies
send a JSON object whose values are already typed. ``Params`` reads both the way the Bot API
server does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakebot.errors import bad_request


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    data: bytes


class Params:
    """Request parameters with the Bot API server's conversions."""

    __slots__ = ("files", "values")

    def __init__(
        self, values: dict[str, Any], files: dict[str, UploadedFile] | None = None
    ) -> None:
        self.values = values
        self.files = files or {}

    def has(self, name: str) -> bool:
        """Whether the parameter is present and not empty (the server treats "" as absent)."""
        value = self.values.get(name)
        return value is not None and value != ""

    def text(self, name: str, default: str = "") -> str:
        """The parameter as a string, as the server sees it."""
        value = self.values.get(name)
        if value is None:
            return default
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        return json.dumps(value, ensure_ascii=False)

    def integer(self, name: str, default: int = 0) -> int:
        """td::to_integer: leading digits with an optional sign; garbage reads as 0."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            return int(value)
        text = str(value).strip()
        sign = 1
        if text and text[0] in "+-":
            sign = -1 if text[0] == "-" else 1
            text = text[1:]
        digits = ""
        for char in text:
            if not (char.isascii() and char.isdigit()):
                break
            digits += char
        return sign * int(digits) if digits else 0

    def boolean(self, name: str, default: bool = False) -> bool:
        """Client::to_bool: "true", "yes" and "1" (any case) are true."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in ("true", "yes", "1")

    def json(self, name: str, error: str) -> Any:
        """A JSON-valued parameter (None if absent); ``error`` is the Bot API's parse failure."""
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError as failure:
                raise bad_request(error) from failure
        return value

    def upload(self, name: str) -> UploadedFile | str | None:
        """A file parameter: an uploaded part (directly or via ``attach://``), or a string."""
        if name in self.files:
            return self.files[name]
        value = self.values.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            return self.files.get(value[len("attach://") :])
        if value is None or value == "":
            return None
        return str(value)

    def loggable(self) -> dict[str, Any]:
        """Parameters for the request log; uploaded files appear as a short description."""
        logged = dict(self.values)
        for name, part in self.files.items():
            logged[name] = f"<file {part.filename!r} {len(part.data)} bytes>"
        return logged


async def read_params(request: web.Request) -> Params:
    """Collect query-string and body parameters like the Bot API server."""
    values: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if request.method == "POST" and request.can_read_body:
        content_type = request.content_type
        if content_type == "application/json":
            try:
                body = await request.json()
            except ValueError as error:
                raise bad_request("Can't parse JSON body") from error
            if isinstance(body, dict):
                values.update(body)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    files[name] = UploadedFile(
                        value.filename, value.content_type, value.file.read()
                    )
                else:
                    values[name] = value
    return Params(values, files)
