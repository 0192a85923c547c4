"""PDF previews (app.services.pdf_render): what the first look at a buyer's PDF costs, and the
second. Prints figures; asserts nothing.

    nice -n 5 uv run python bench/pdf_preview_bench.py [--runs 15]

For a one-page text receipt (A4, Helvetica) and a 40-page document: the child's render (start,
import PDFium, confine, parse, draw at 1024 px, PNG) as the window runs it, and the cache hit
that a conversation opened again costs (the page's count, and the cached thumbnail decoded as
the window's thread does). Medians and ranges over --runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from pdf_samples import HELVETICA, make_pdf  # type: ignore[import-not-found]

from app.services.pdf_render import Rendered, cached_render, render_first_page
from app.services.previews import Source
from app.storage.rows import AttachmentInfo
from app.ui.previews import THUMB, pdf_preview


def receipt(pages: int) -> bytes:
    content = b"0.15 0.35 0.65 rg 40 800 515 4 re f 0 g "
    for i in range(40):
        content += b"BT /F1 11 Tf 50 %d Td (Line %d: 1 x Kaffeemaschine 189,00 EUR) Tj ET " % (
            780 - 18 * i,
            i,
        )
    return make_pdf(pages=pages, content=content, size=(595, 842), resources=HELVETICA)


def figures(label: str, times: list[float]) -> None:
    ms = [t * 1000 for t in times]
    print(
        f"  {label:<44} median {statistics.median(ms):8.2f} ms"
        f"   (min {min(ms):.2f}, max {max(ms):.2f}, n={len(ms)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        for pages in (1, 40):
            pdf = Path(tmp) / f"{pages:064d}"  # named like a blob (a SHA-256)
            pdf.write_bytes(receipt(pages))
            print(f"{pages}-page PDF, {pdf.stat().st_size:,} bytes:")
            renders = []
            for _ in range(args.runs):
                t = time.perf_counter()
                result = render_first_page(pdf)
                renders.append(time.perf_counter() - t)
                assert isinstance(result, bytes), result
            figures("render in a child (no cache)", renders)
            cache = Path(tmp) / f"cache-{pages}"
            first = cached_render(pdf, cache)
            assert isinstance(first, Rendered)
            hits = []
            for _ in range(args.runs):
                t = time.perf_counter()
                assert cached_render(pdf, cache) == first
                hits.append(time.perf_counter() - t)
            figures("cache hit, the page (service)", hits)
            # What the window's thread does on a second opening: the cached page's count and
            # the cached thumbnail, decoded (app.ui.previews.pdf_preview).
            att = AttachmentInfo(1, "a.pdf", "application/pdf", 1, None, pdf.name)
            src = Source(pdf, "application/pdf")
            window = []
            for _ in range(args.runs):
                t = time.perf_counter()
                shown = pdf_preview(att, src, THUMB, cache)
                window.append(time.perf_counter() - t)
                assert shown.image is not None
            figures("second opening, thumbnail in the window", window)
            ratio = statistics.median(renders) / statistics.median(window)
            print(f"  first / second opening: {ratio:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
