"""Remote images in a buyer's HTML message, fetched only when the seller asks for them.

Each response is read in chunks and dropped as soon as it passes the cap, so a huge or endless
body costs at most ``cap`` bytes of memory; redirects are not followed (an image URL that
bounces elsewhere is not the one the seller agreed to load). The timeout of 10 s is per read,
so a server sending a byte every 9 s held the fetch for days: all the images together get
``TOTAL_SECONDS``, and what arrived by then is shown.
"""

from __future__ import annotations

import asyncio

import httpx

MAX_IMAGES = 20
CAP = 2_000_000  # bytes per image
TOTAL_SECONDS = 30.0


async def fetch_images(
    urls: list[str], cap: int = CAP, total: float = TOTAL_SECONDS
) -> dict[str, bytes]:
    """The bodies of the URLs that answered 200 within the cap (the first ``MAX_IMAGES``),
    as far as they arrived within ``total`` seconds."""
    found: dict[str, bytes] = {}
    try:
        async with asyncio.timeout(total):
            await _fetch(urls, cap, found)
    except TimeoutError:
        pass  # the slow ones stay placeholders
    return found


async def _fetch(urls: list[str], cap: int, found: dict[str, bytes]) -> None:
    async with httpx.AsyncClient(timeout=10, follow_redirects=False) as client:
        for url in urls[:MAX_IMAGES]:
            try:
                async with client.stream("GET", url) as response:
                    if response.status_code != 200:
                        continue
                    body = bytearray()
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) > cap:
                            break
                    else:
                        found[url] = bytes(body)
            except httpx.HTTPError:
                continue
