"""Who a buyer is across their addresses.

Bridged mail gives a buyer one alias per case (`base+case@marketplace.amazon.de`); the relay
keeps one buyer per (marketplace, alias base), so the base is the buyer. The same rule finds a
buyer's other conversations locally (app.storage.buyer_history).
"""

from __future__ import annotations


def alias_base(alias: str) -> str:
    """The alias without its `+case` part, lowercased: the same buyer's every alias."""
    local, at, domain = alias.strip().lower().rpartition("@")
    if not at:
        return domain  # not an address: itself
    return f"{local.split('+', 1)[0]}@{domain}"
