"""Rules of the code base that are easy to break without noticing."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module a file imports (also inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_flows_and_storage_never_import_telegram_or_the_bot() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for package in ("flows", "storage")
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in imported_modules(path) & {"telegram", "bot", "aiohttp"}
    ]
    assert offenders == []


def test_no_module_is_called_utils_or_helpers() -> None:
    vague = [
        path.relative_to(ROOT)
        for package in ("bot", "flows", "storage")
        for path in (ROOT / package).rglob("*.py")
        if path.stem in {"utils", "util", "helpers", "misc", "common"}
    ]
    assert vague == []


Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def public_definitions(module: ast.Module) -> list[Definition]:
    """Module-level functions and classes, and the methods of those classes, not _private."""
    found: list[Definition] = []
    for node in module.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name.startswith("_"):
                continue
            found.append(node)
            if isinstance(node, ast.ClassDef):
                found.extend(
                    item
                    for item in node.body
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and not item.name.startswith("_")
                )
    return found


def test_every_public_function_has_a_docstring() -> None:
    missing: list[str] = []
    for package in ("bot", "flows", "storage"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in public_definitions(ast.parse(path.read_text())):
                if ast.get_docstring(node) is None:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert missing == []
