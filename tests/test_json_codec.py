"""storage/json_codec.py: orjson where it can, the json module where orjson refuses."""

from __future__ import annotations

import json
import math

import pytest
from telegram.error import TelegramError

from bot.telegram_http import AiohttpRequest
from storage.json_codec import dumps_bytes, dumps_text, loads

VALUES = [
    {"chat_id": "42", "text": "Één kringwinkel — 5 € ✓ 🚲", "parse_mode": "HTML"},
    {"cursor": {"step": 3, "items": [1, 2.5, None, True]}, "draft": {}},
    ["a", {"b": [[], {}]}],
]


@pytest.mark.parametrize("value", VALUES)
def test_what_is_written_reads_back_the_same_by_either_decoder(value: object) -> None:
    assert json.loads(dumps_bytes(value)) == value
    assert json.loads(dumps_text(value)) == value
    assert loads(dumps_bytes(value)) == value
    assert loads(json.dumps(value)) == value
    # Compact UTF-8, not json.dumps's escapes: what orjson wrote.
    assert dumps_bytes(VALUES[0]).decode() == dumps_text(VALUES[0])
    assert "✓" in dumps_text(VALUES[0])


def test_what_orjson_refuses_is_done_as_the_json_module_does_it() -> None:
    lone = {"text": "half an emoji \ud83d"}  # a lone surrogate, as a client may send one
    assert dumps_text(lone) == json.dumps(lone)
    assert dumps_bytes(lone) == json.dumps(lone).encode()
    assert loads(json.dumps(lone)) == lone
    assert dumps_text({1: "a"}) == '{"1": "a"}'  # a non-string key, as json.dumps writes it
    assert math.isnan(loads("NaN"))
    with pytest.raises(ValueError):
        loads(b"{not json")


def test_bot_api_answers_decode_as_ptb_decodes_them() -> None:
    answer = b'{"ok":true,"result":{"text":"\xc3\xa9\xc3\xa9n","n":[1,2]}}'
    assert AiohttpRequest.parse_json_payload(answer) == {
        "ok": True,
        "result": {"text": "één", "n": [1, 2]},
    }
    # Invalid UTF-8: PTB replaces it rather than failing the call.
    assert AiohttpRequest.parse_json_payload(b'{"ok":true,"result":"a\xffb"}') == {
        "ok": True,
        "result": "a\ufffdb",
    }
    with pytest.raises(TelegramError, match="Invalid server response"):
        AiohttpRequest.parse_json_payload(b"<html>bad gateway</html>")
