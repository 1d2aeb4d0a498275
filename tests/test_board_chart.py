"""The progress board picture: every column drawn, overflow counted, odd names survive."""

from __future__ import annotations

import io
import itertools
import struct

from flows.board_chart import BoardCard, BoardText, board_figure, board_png, visible_cards
from flows.picture import Box, Rect, Scene, Text

COLUMNS = [
    ("Backlog", [BoardCard("Noden circulaire ondernemer " * 4, "Marie · 30 juni 2027")]),
    ("Bouwen", [BoardCard("🧪 Voorverkoop $x^2$ <b>herstelbon</b>", "Bram")]),
    ("Meten", [BoardCard(f"Test {n}", "An · 1 jan 2027 " * 5) for n in range(12)]),
    ("Leren", [BoardCard("Repaircafé", "", done=True)]),
]
TITLE = BoardText(title="Voortgangsbord — Deelpunt Dampoort 🚀")


def size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header."""
    width, height = struct.unpack(">II", io.BytesIO(png).getbuffer()[16:24])
    return int(width), int(height)


def cards(scene: Scene) -> list[tuple[Rect, list[Text]]]:
    """Each white card with the texts placed after it and before the next rectangle."""
    groups: list[tuple[Rect, list[Text]]] = []
    for item in scene.items:
        if isinstance(item, Rect):  # a card, or a column whose heading is no card's text
            groups.append((item, []))
        elif isinstance(item, Text) and groups:
            groups[-1][1].append(item)
    return [(rect, texts) for rect, texts in groups if rect.fill == "white"]


def test_a_full_column_ends_with_a_count_of_the_rest() -> None:
    cards = [BoardCard(f"Test {n}") for n in range(11)]
    shown = visible_cards(cards, 8, "meer")
    assert len(shown) == 8
    assert [c.name for c in shown[:7]] == [f"Test {n}" for n in range(7)]
    assert shown[-1].name == "+4 meer"
    assert visible_cards(cards[:8], 8, "meer") == cards[:8]


def test_the_board_renders_long_names_emoji_and_markup_as_a_png() -> None:
    png = board_png(COLUMNS, TITLE)
    assert png.startswith(b"\x89PNG")
    assert png == board_png(COLUMNS, TITLE)
    assert png != board_png(COLUMNS[:3], TITLE)


def test_the_board_grows_with_its_fullest_column_as_before() -> None:
    def height(count: int) -> int:
        return size(board_png([("A", [BoardCard(f"t{n}") for n in range(count)])], TITLE))[1]

    # Three cards high at least, eight at most (the eighth card counts the rest); the same
    # pixel sizes as the matplotlib board had.
    assert height(0) == height(3) == 579
    assert [height(n) for n in range(4, 9)] == [687, 795, 903, 1011, 1119]
    assert height(20) == 1119
    assert size(board_png(COLUMNS, TITLE)) == board_figure(COLUMNS, TITLE).size == (1500, 1119)


def test_every_text_lies_inside_its_card_and_none_overlap() -> None:
    scene = board_figure(COLUMNS, TITLE)
    page = Box(0.0, 0.0, scene.width, scene.height)
    assert all(page.contains(text.box) for text in scene.texts)
    columns = [rect for rect in scene.rects if rect.fill != "white"]
    assert len(columns) == 4
    found = cards(scene)
    assert len(found) == 1 + 1 + 8 + 1
    for card, texts in found:
        assert any(column.box.contains(card.box) for column in columns)
        assert texts, "a card without its name"
        for text in texts:
            assert card.box.contains(text.box), text.text
    for first, second in itertools.combinations(scene.texts, 2):
        assert not first.box.overlaps(second.box), (first.text, second.text)


def test_what_the_cards_say() -> None:
    scene = board_figure(COLUMNS, TITLE)
    said = [text.text for text in scene.texts]
    assert "🧪" not in "".join(said) and "🚀" not in "".join(said)
    assert said[0] == "Voortgangsbord — Deelpunt Dampoort"
    assert "Meten (12)" in said and "Backlog (1)" in said
    assert "+5 meer" in said and "Test 6" in said and "Test 7" not in said
    assert "Voorverkoop $x^2$\n<b>herstelbon</b>" in said  # literal, not mathtext or markup
    # A long name takes two lines, the second cut; a long detail one line, cut.
    long_name = next(t for t in scene.texts if t.text.startswith("Noden"))
    assert len(long_name.lines) == 2 and long_name.lines[1].endswith("…")
    details = [t for t in scene.texts if t.text.startswith("An · ")]
    assert len(details) == 7 and all(t.text.endswith("…") and "\n" not in t.text for t in details)
    done = next(t for t in scene.texts if "Repaircafé" in t.text)
    assert done.text == "✓ Repaircafé" and done.colour != long_name.colour
