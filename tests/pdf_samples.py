"""Small PDFs written by hand for the preview tests: a real one (with a cross-reference table
and a drawn page), one that needs a password, and one with thousands of pages."""

from __future__ import annotations

RED_BOX = b"1 0 0 rg 20 20 100 60 re f"  # a red rectangle, 20 pt from the lower left corner
HELVETICA = (
    b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> "
)


def make_pdf(
    pages: int = 1,
    content: bytes = RED_BOX,
    size: tuple[int, int] = (200, 100),
    trailer: bytes = b"",
    resources: bytes = b"",
) -> bytes:
    """A valid PDF whose every page (``size`` points) draws ``content`` (with ``resources``,
    e.g. ``HELVETICA``)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 3 0 R %s>>" % (
        *size,
        resources,
    )
    objects += [page] * pages
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def encrypted_pdf() -> bytes:
    """A PDF under the standard security handler whose user password is not empty (its /U
    does not match the empty password), so no reader opens it without one."""
    ident = b"<00112233445566778899aabbccddeeff>"
    encrypt = b"/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s> >> /ID [%s %s] " % (
        b"11" * 32,
        b"22" * 32,
        ident,
        ident,
    )
    return make_pdf(trailer=encrypt)
