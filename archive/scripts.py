"""Facts about writing systems that several text rules share."""

from __future__ import annotations

OTHER_FULL_STOPS = "\u0964\u0965\u061f\u06d4\u0589\u1362\u104b"
"""Sentence ends besides . ! ? and the CJK ones: Devanagari danda and double danda, Arabic
question mark, Urdu full stop, Armenian full stop, Ethiopic full stop, Myanmar section mark."""
# Thai and Lao end sentences with a space, not a mark: a line there can close a paragraph bare.
UNPUNCTUATED_SCRIPT = "\u0e00-\u0eff"
