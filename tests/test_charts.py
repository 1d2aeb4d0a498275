"""The stakeholder grid picture: a valid, reproducible PNG in which every stakeholder is legible."""

from __future__ import annotations

import io
import itertools
import os
import struct
import subprocess
import sys
import warnings
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import ImageFont

from flows import charts, picture
from flows.charts import (
    CELL_CAPACITY,
    LABEL_LENGTH,
    GridPoint,
    GridText,
    cell_labels,
    grid_figure,
    shorten,
    stakeholder_grid_png,
)
from flows.picture import DPI, Box, Font, Scene, drawable

ROOT = Path(__file__).resolve().parents[1]

CELLS = {
    ("high", "low"): "Observeer",
    ("high", "medium"): "Houd tevreden",
    ("high", "high"): "Continu en actief management",
    ("medium", "low"): "Houd betrokken",
    ("medium", "medium"): "Houd betrokken",
    ("medium", "high"): "Houd betrokken",
    ("low", "low"): "Geen focus",
    ("low", "medium"): "Houd geïnformeerd",
    ("low", "high"): "Houd geïnformeerd",
}
TEXT = GridText(
    title="Stakeholderkaart — Team Gent",
    power_axis="Macht",
    interest_axis="Belang",
    levels=("laag", "midden", "hoog"),
    cells=CELLS,
    empty="Nog geen stakeholders",
)
REALISTIC = [
    GridPoint("Kringwinkel Ateljee", "medium", "high"),
    GridPoint("IVAGO (afvalintercommunale)", "high", "high"),
    GridPoint("Schepen van milieu", "high", "high"),
    GridPoint("Dienst economie", "medium", "medium"),
    GridPoint("Burgerplatform Gent", "low", "high"),
    GridPoint("Lokale ondernemers (Unizo)", "medium", "low"),
    GridPoint("HOGENT hogeschool", "low", "medium"),
    GridPoint("Schepen van financiën", "high", "low"),
    GridPoint("OVAM", "high", "medium"),
    GridPoint("Buurtcomité Sint-Amandsberg", "low", "low"),
    GridPoint("Repair Café Gentbrugge", "low", "high"),
    GridPoint("Stedelijke aankoopdienst", "medium", "high"),
]
HOSTILE_NAMES = (
    "Wonderbaarlijke Wereldwijde Werkgroep voor Waalse en Vlaamse Wegen",
    "Kringwinkel 🌍♻️ Zuid",
    "<b>Kringwinkel & co</b>",
    "$x$",
    "👩‍👩‍👧‍👦",
    "Schepen van milieu,\nklimaat\ten duurzaamheid",
    r"\frac{1}{2} ^_^ {braces}",
)


def forty_hostile_points() -> list[GridPoint]:
    """40 stakeholders spread over all cells, 13 of them in one so that it overflows."""
    levels = ("low", "medium", "high")
    keys = [("high", "high")] * 13 + list(itertools.product(levels, levels)) * 3
    return [
        GridPoint(f"{i:02d} {HOSTILE_NAMES[i % len(HOSTILE_NAMES)]}", power, interest)
        for i, (power, interest) in enumerate(keys)
    ]


def png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(type, payload) of each chunk of a PNG, checking every CRC on the way."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset = 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        payload = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + payload) == crc, kind
        yield kind, payload
        offset += 12 + length


def assert_telegram_photo(data: bytes) -> None:
    """A well-formed PNG of about 1200 × 1200 px that Telegram accepts as a photo."""
    chunks = list(png_chunks(data))
    kind, header = chunks[0]
    assert kind == b"IHDR"
    width, height = struct.unpack(">II", header[:8])
    assert 1000 <= width <= 1400 and 1000 <= height <= 1400
    assert width + height <= 10000 and max(width, height) / min(width, height) <= 20
    assert chunks[-1][0] == b"IEND"
    assert len(data) < 1_000_000


def drawn_texts(points: list[GridPoint], text: GridText = TEXT) -> list[str]:
    """The strings of every text placed on the grid's scene."""
    return [placed.text for placed in grid_figure(points, text).texts]


def cells(scene: Scene) -> list[Box]:
    """The nine coloured cells' boxes (the empty message's rounded box is no cell)."""
    return [rect.box for rect in scene.rects if not rect.radius]


def test_a_realistic_grid_is_a_valid_photo_sized_png() -> None:
    assert_telegram_photo(stakeholder_grid_png(REALISTIC, TEXT))


def test_no_stakeholders_gives_a_grid_with_the_empty_message() -> None:
    assert_telegram_photo(stakeholder_grid_png([], TEXT))
    texts = drawn_texts([])
    assert "Nog geen stakeholders" in [" ".join(t.split()) for t in texts]  # maybe wrapped
    assert "Continu en actief management" in texts  # the grid itself is still explained


def test_the_empty_message_is_absent_once_there_is_a_stakeholder() -> None:
    texts = [" ".join(t.split()) for t in drawn_texts(REALISTIC[:1])]
    assert "Nog geen stakeholders" not in texts


def test_forty_hostile_names_render_without_any_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = stakeholder_grid_png(forty_hostile_points(), TEXT)
        figure_texts = drawn_texts(forty_hostile_points())
    assert_telegram_photo(data)
    assert "02 <b>Kringwinkel & co</b>" in figure_texts
    assert "03 $x$" in figure_texts  # literally, not as mathtext


def test_every_text_is_drawable_as_placed() -> None:
    scene = grid_figure(forty_hostile_points(), TEXT)
    assert scene.texts
    for placed in scene.texts:
        # Only what the font can draw reaches the picture: no emoji, tabs or stray newlines.
        for line in placed.lines:
            assert line and drawable(line) == line, placed.text
    assert "06 \\frac{1}{2} ^_^ {braces}" in [t.text for t in scene.texts]  # no TeX either


def test_every_realistic_stakeholder_is_drawn_by_its_full_name() -> None:
    texts = drawn_texts(REALISTIC)
    for point in REALISTIC:
        assert point.name in texts


def test_every_hostile_stakeholder_is_drawn_by_name_when_the_cell_has_room() -> None:
    points = [GridPoint(name, "low", "high") for name in HOSTILE_NAMES]
    texts = drawn_texts(points)
    names = [t for t in texts if t not in CELLS.values()]
    for name in HOSTILE_NAMES:
        visible = " ".join(drawable(name).split()) or "?"
        # Cut to fit, but always recognisable by its beginning.
        assert any(t == visible or t.startswith(visible[:12]) for t in names), name
    assert "Kringwinkel ♻ Zuid" in texts  # the globe emoji gone, the words kept
    assert "Schepen van milieu, klimaat…" in texts  # newline and tab flattened, then cut


def test_a_stakeholder_is_drawn_in_the_cell_of_its_power_and_interest() -> None:
    scene = grid_figure([GridPoint("Schepen van financiën", "high", "low")], TEXT)
    boxes = cells(scene)
    assert len(boxes) == 9
    # High power is the top row and low interest the left column.
    top_left = max(boxes, key=lambda c: (c.bottom, -c.left))
    (label,) = [t for t in scene.texts if t.text == "Schepen van financiën"]
    assert top_left.contains(label.box)
    assert not any(cell.overlaps(label.box) for cell in boxes if cell != top_left)


def test_cells_are_coloured_by_strategy() -> None:
    scene = grid_figure([], TEXT)
    rects = sorted(
        (rect for rect in scene.rects if not rect.radius),
        key=lambda c: (c.box.bottom, c.box.left),
    )
    assert len(rects) == 9
    levels = ("low", "medium", "high")
    colour = {
        (power, interest): rects[3 * p + i].fill
        for (p, power), (i, interest) in itertools.product(enumerate(levels), enumerate(levels))
    }
    for a, b in itertools.combinations(CELLS, 2):
        assert (colour[a] == colour[b]) == (CELLS[a] == CELLS[b]), (a, b)


def test_neighbouring_cells_are_parted_by_a_white_gap() -> None:
    scene = grid_figure(REALISTIC, TEXT)
    for rect in scene.rects:
        assert (rect.edge, rect.edge_width) == ("white", charts._GAP_PT)
    for a, b in itertools.combinations(cells(scene), 2):
        assert not a.overlaps(b)
    # Drawn: between the middle and the right column, on the middle row, the pixels are white.
    from PIL import Image

    image = Image.open(io.BytesIO(scene.png()))
    (middle,) = [c for c in cells(scene) if c.left < 4.0 < c.right and c.bottom < 4.0 < c.top]
    x, y = round(middle.right * DPI), round((scene.height - 4.0) * DPI)
    assert image.getpixel((x, y)) == image.getpixel((x - 1, y)) == (255, 255, 255)
    assert image.getpixel((x - 8, y)) != (255, 255, 255)


def test_the_empty_message_sits_in_a_rounded_box_inside_the_middle_cell() -> None:
    scene = grid_figure([], TEXT)
    (box,) = [rect for rect in scene.rects if rect.radius]
    assert (box.fill, box.edge) == ("white", "#d0d7de")
    (message,) = [t for t in scene.texts if t.text == "Nog geen stakeholders"]
    assert box.box.contains(message.box) and box.box != message.box
    assert scene.items.index(box) < scene.items.index(message)  # the text on top of its box
    (middle,) = [c for c in cells(scene) if c.contains(box.box)]
    assert middle.left < 4.0 < middle.right and middle.bottom < 4.0 < middle.top


def test_a_long_title_takes_two_smaller_lines() -> None:
    short = grid_figure([], TEXT).texts[0]
    assert short.text == TEXT.title and len(short.lines) == 1
    long_title = "Stakeholderkaart — " + "Circulaire bouwhub Oost-Vlaanderen " * 2
    long = grid_figure([], replace(TEXT, title=long_title)).texts[0]
    assert len(long.lines) == 2 and long.font.size < short.font.size
    assert " ".join(long.text.split()) == " ".join(long_title.split())


def test_names_share_one_font_size_and_a_full_cell_still_fits() -> None:
    few = grid_figure(REALISTIC, TEXT)
    names = [t for t in few.texts if t.text in {p.name for p in REALISTIC}]
    assert len({t.font.size for t in names}) == 1
    full = [GridPoint(f"Partner {i}", "high", "high") for i in range(CELL_CAPACITY)]
    crowded = grid_figure(REALISTIC + full, TEXT)
    sizes = {t.font.size for t in crowded.texts if t.text.startswith("Partner")}
    assert len(sizes) == 1 and sizes.pop() < names[0].font.size  # smaller to fit twelve lines
    # One name of 28 wide letters is cut rather than making every name tiny.
    wide = grid_figure([*REALISTIC, GridPoint("W" * LABEL_LENGTH, "low", "low")], TEXT)
    cut = [t for t in wide.texts if t.text.startswith("WWW")]
    assert cut and cut[0].text.endswith("…") and cut[0].font.size >= charts._NAME_MIN_PT


def test_no_two_texts_overlap_and_every_text_stays_inside_its_cell() -> None:
    # Full cells of the widest possible names, to push the layout to its limits.
    wide = [GridPoint("W" * 40, "high", "high") for _ in range(CELL_CAPACITY + 5)]
    wide += [GridPoint("M" * LABEL_LENGTH, "low", "low") for _ in range(CELL_CAPACITY)]
    wide += [GridPoint(name, "medium", "medium") for name in HOSTILE_NAMES]
    long_text = GridText(
        title="Stakeholder map — " + "Circulaire bouwhub Oost-Vlaanderen " * 4,
        power_axis="Power",
        interest_axis="Interest",
        levels=("low", "medium", "high"),
        cells={key: "Manage actively and continuously and with care" for key in CELLS},
        empty="unused",
        more="more",
    )
    scene = grid_figure(wide, long_text)
    boxes = [t.box for t in scene.texts]
    assert len(boxes) > 40
    # Lines of a cell touch; a billionth of an inch of rounding is no overlap.
    inner = [Box(b.left + 1e-9, b.bottom + 1e-9, b.right - 1e-9, b.top - 1e-9) for b in boxes]
    for a, b in itertools.combinations(inner, 2):
        assert not a.overlaps(b), (a, b)
    for box in boxes:
        middle = ((box.left + box.right) / 2, (box.bottom + box.top) / 2)
        inside = [c for c in cells(scene) if c.contains(Box(*middle, *middle))]
        for cell in inside:
            assert cell.contains(box), (cell, box)
    page = Box(0.0, 0.0, scene.width, scene.height)
    for box in boxes:  # nothing runs off the picture either
        assert page.contains(box), box


def test_an_overflowing_cell_ends_with_the_translated_counter() -> None:
    points = [GridPoint(f"Partner {i}", "low", "low") for i in range(CELL_CAPACITY + 3)]
    english = replace(TEXT, more="more")
    assert "+4 more" in drawn_texts(points, english)
    assert "+4 meer" in drawn_texts(points)  # GridText's default word is Dutch
    assert "Partner 10" in drawn_texts(points) and "Partner 11" not in drawn_texts(points)


def test_rendering_is_deterministic_and_embeds_no_version() -> None:
    first = stakeholder_grid_png(forty_hostile_points(), TEXT)
    assert stakeholder_grid_png(forty_hostile_points(), TEXT) == first
    assert stakeholder_grid_png(REALISTIC, TEXT) != first
    kinds = [kind for kind, _payload in png_chunks(first)]
    text_chunks = [p for k, p in png_chunks(first) if k in {b"tEXt", b"iTXt", b"zTXt"}]
    assert b"tIME" not in kinds
    assert not any(p.startswith(b"Software") for p in text_chunks)
    assert b"atplotlib" not in first and b"PIL" not in first


def test_remembered_text_widths_match_fresh_measurements_and_change_nothing_drawn() -> None:
    picture._WIDTHS.clear()
    cold = stakeholder_grid_png(forty_hostile_points(), TEXT)
    remembered = dict(picture._WIDTHS)
    assert remembered  # the grid did measure through the cache
    assert {font.italic for _text, font in remembered} == {False, True}  # the counter too
    warm = stakeholder_grid_png(forty_hostile_points(), TEXT)
    assert warm == cold
    for (text, font), width in itertools.islice(remembered.items(), 200):
        # A font loaded afresh, laid out as the picture lays out its texts.
        pixels = font.size * DPI / 72
        loaded = ImageFont.truetype(str(font.file), pixels, layout_engine=ImageFont.Layout.BASIC)
        fresh = loaded.getlength(text)
        assert width == pytest.approx(fresh / DPI)


def test_a_full_width_cache_starts_afresh_instead_of_growing() -> None:
    picture._WIDTHS.clear()
    for index in range(picture._WIDTHS_KEPT):
        picture._WIDTHS[(f"filler {index}", Font(1.0))] = 1.0
    stakeholder_grid_png(REALISTIC, TEXT)
    assert 0 < len(picture._WIDTHS) < picture._WIDTHS_KEPT
    assert ("filler 0", Font(1.0)) not in picture._WIDTHS


def test_pictures_are_opaque_rgb() -> None:
    header = dict(png_chunks(stakeholder_grid_png(REALISTIC, TEXT)))[b"IHDR"]
    _width, _height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert (depth, colour_type) == (8, 2)  # 8-bit truecolour without alpha


def test_concurrent_renders_match_a_serial_one_and_leave_warning_filters_alone() -> None:
    filters_before = list(warnings.filters)
    expected = stakeholder_grid_png(REALISTIC, TEXT)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: stakeholder_grid_png(REALISTIC, TEXT), range(6)))
    assert all(result == expected for result in results)
    assert list(warnings.filters) == filters_before


def test_importing_the_module_loads_no_drawing_library_nor_telegram() -> None:
    code = (
        "import sys, flows.charts\n"
        "drawing = {'matplotlib', 'PIL', 'telegram'}\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in drawing"
        " or m == 'flows.picture')\n"
        "print(loaded)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "[]"


def test_cell_labels_keeps_input_order_per_cell_and_lists_all_nine_cells() -> None:
    points = [
        GridPoint("Kringwinkel", "high", "high"),
        GridPoint("OVAM", "low", "low"),
        GridPoint("Schepen van milieu", "high", "high"),
        GridPoint("Afvalintercommunale", "high", "high"),
    ]
    cells = cell_labels(points, CELL_CAPACITY, "meer")
    assert len(cells) == 9
    assert cells[("high", "high")] == ["Kringwinkel", "Schepen van milieu", "Afvalintercommunale"]
    assert cells[("low", "low")] == ["OVAM"]
    assert cells[("medium", "medium")] == []


def test_cell_labels_lists_every_name_up_to_the_capacity() -> None:
    points = [GridPoint(f"Partner {i}", "medium", "low") for i in range(5)]
    assert cell_labels(points, 5, "meer")[("medium", "low")] == [f"Partner {i}" for i in range(5)]


def test_cell_labels_replaces_the_overflow_with_a_counter() -> None:
    points = [GridPoint(f"Partner {i}", "medium", "low") for i in range(9)]
    labels = cell_labels(points, 5, "meer")[("medium", "low")]
    assert labels == ["Partner 0", "Partner 1", "Partner 2", "Partner 3", "+5 meer"]
    assert cell_labels(points, 5, "more")[("medium", "low")][-1] == "+5 more"


def test_cell_labels_cuts_long_names_with_an_ellipsis() -> None:
    name = "Intergemeentelijke afvalintercommunale van Midden-Vlaanderen"
    (label,) = cell_labels([GridPoint(name, "low", "high")], 3, "meer")[("low", "high")]
    assert len(label) == LABEL_LENGTH
    assert label.endswith("…") and name.startswith(label[:-1])
    exact = "x" * LABEL_LENGTH
    assert cell_labels([GridPoint(exact, "low", "high")], 3, "meer")[("low", "high")] == [exact]


def test_cell_labels_rejects_an_unknown_level() -> None:
    with pytest.raises(ValueError, match="unknown"):
        cell_labels([GridPoint("OVAM", "very high", "low")], 3, "meer")
    with pytest.raises(ValueError):
        cell_labels([], 0, "meer")


def test_shorten_flattens_whitespace_and_never_returns_nothing() -> None:
    assert shorten("Repair\nCafé\t  Gent") == "Repair Café Gent"
    assert shorten("   ") == "?"
    assert shorten("abcdef", limit=4) == "abc…"


def test_drawable_keeps_dutch_letters_and_drops_what_the_font_lacks() -> None:
    assert drawable("Café, coöperatie, geïnformeerd, financiën, ĳzer") == (
        "Café, coöperatie, geïnformeerd, financiën, ĳzer"
    )
    assert drawable("Cafe\u0301") == "Café"  # combining accent composed, not dropped
    # The globe is outside the BMP; DejaVu has the recycling sign, not its emoji selector.
    assert drawable("Kringwinkel 🌍♻️ Zuid") == "Kringwinkel ♻ Zuid"
    assert drawable("Kringwinkel 🌍 Zuid") == "Kringwinkel  Zuid"
    assert drawable("👩‍👩‍👧‍👦") == ""  # joiners and selectors go along with the emoji
    assert drawable("a\nb\tc\x00d") == "a b cd"
