"""Bounded HTML structure: elements nested beyond a depth lose their tags (the text stays).

Qt's rich-text layout costs time exponential in the nesting of tables (each level lays out
its cells twice): 60 nested tables hung the window for minutes. Both the relay's sanitizer and
the window's run buyer HTML through `flatten_nesting`. Pure stdlib, linear in the input.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

MAX_DEPTH = 24  # elements inside each other
MAX_TABLE_DEPTH = 3  # tables inside tables (a message bubble adds one more in the window)

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_TABLE_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"})


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int, max_tables: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_depth = max_depth
        self.max_tables = max_tables
        self.out: list[str] = []
        # One entry per open element: whether its tags were kept, and whether it is a table.
        self.stack: list[tuple[str, bool]] = []
        self.kept_depth = 0
        self.tables: list[bool] = []  # the open tables, innermost last: kept or unwrapped

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], close: str = "") -> str:
        parts = "".join(
            f' {k}="{escape(v, quote=True)}"' if v is not None else f" {k}" for k, v in attrs
        )
        return f"<{tag}{parts}{close}>"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.out.append(self._tag(tag, attrs))
            return
        keep = self.kept_depth < self.max_depth
        if tag == "table":
            keep = keep and sum(self.tables) < self.max_tables
            self.tables.append(keep)
        elif tag in _TABLE_PARTS:
            keep = keep and bool(self.tables) and self.tables[-1]
        self.stack.append((tag, keep))
        if keep:
            self.kept_depth += 1
            self.out.append(self._tag(tag, attrs))
        elif tag in ("td", "th", "tr", "p", "div", "li"):
            self.out.append(" ")  # flattened cells and blocks still part their words

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.out.append(self._tag(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element (the input is a sanitizer's well-formed output;
        # a stray end tag is dropped).
        if not any(name == tag for name, _ in self.stack):
            return
        while self.stack:
            name, keep = self.stack.pop()
            if name == "table" and self.tables:
                self.tables.pop()
            if keep:
                self.kept_depth -= 1
                self.out.append(f"</{name}>")
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))


def flatten_nesting(
    html: str, max_depth: int = MAX_DEPTH, max_tables: int = MAX_TABLE_DEPTH
) -> str:
    """`html` with every element beyond `max_depth` (tables: beyond `max_tables`) unwrapped."""
    parser = _Flattener(max_depth, max_tables)
    parser.feed(html)
    parser.close()
    while parser.stack:
        name, keep = parser.stack.pop()
        if keep:
            parser.out.append(f"</{name}>")
    return "".join(parser.out)
