"""The progress board picture: every column drawn, overflow counted, odd names survive."""

from __future__ import annotations

from flows.board_chart import BoardCard, BoardText, board_png, visible_cards


def test_a_full_column_ends_with_a_count_of_the_rest() -> None:
    cards = [BoardCard(f"Test {n}") for n in range(11)]
    shown = visible_cards(cards, 8, "meer")
    assert len(shown) == 8
    assert [c.name for c in shown[:7]] == [f"Test {n}" for n in range(7)]
    assert shown[-1].name == "+4 meer"
    assert visible_cards(cards[:8], 8, "meer") == cards[:8]


def test_the_board_renders_long_names_emoji_and_markup_as_a_png() -> None:
    columns = [
        ("Backlog", [BoardCard("Noden circulaire ondernemer " * 4, "Marie · 30 juni 2027")]),
        ("Bouwen", [BoardCard("🧪 Voorverkoop $x^2$ <b>herstelbon</b>", "Bram")]),
        ("Meten", [BoardCard(f"Test {n}", "An") for n in range(12)]),
        ("Leren", [BoardCard("Repaircafé", "", done=True)]),
    ]
    png = board_png(columns, BoardText(title="Voortgangsbord — Deelpunt Dampoort"))
    assert png.startswith(b"\x89PNG")
    assert png == board_png(columns, BoardText(title="Voortgangsbord — Deelpunt Dampoort"))
