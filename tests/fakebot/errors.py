"""Bot API failures as the fake server reports them: HTTP status plus Telegram's description."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A Bot API error answer: ``{"ok": false, "error_code": status, "description": ...}``."""

    def __init__(self, status: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(detail: str) -> ApiError:
    """400 with Telegram's ``Bad Request:`` prefix; ``detail`` is lower-cased at its start.

    The Bot API server lower-cases the first letter of TDLib's messages unless they start with
    an upper-case identifier such as ``BUTTON_DATA_INVALID``; this keeps the descriptions exact.
    """
    if len(detail) >= 2 and not (detail[1] == "_" or detail[1].isupper()):
        detail = detail[0].lower() + detail[1:]
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    """403 with Telegram's ``Forbidden:`` prefix."""
    return ApiError(403, f"Forbidden: {detail}")


def too_many_requests(retry_after: int) -> ApiError:
    """429 as Telegram sends it for flood control."""
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


def conflict(detail: str) -> ApiError:
    """409 with Telegram's ``Conflict:`` prefix."""
    return ApiError(409, f"Conflict: {detail}")


STATUS_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


def injected(status: int, description: str | None, retry_after: int) -> ApiError:
    """The error that ``FakeTelegram.fail_next`` makes the next call answer with."""
    if status == 429:
        error = too_many_requests(retry_after)
        if description is not None:
            error.description = description
        return error
    text = description or STATUS_DESCRIPTIONS.get(status, f"Error {status}")
    return ApiError(status, text)
