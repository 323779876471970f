"""Text as a reader sees it."""

import unicodedata

# Controls, format characters (zero-width spaces and joiners, the word joiner, the
# byte-order mark, direction marks, tags), separators and lone surrogates.
_NOTHING_TO_READ = {"Cc", "Cf", "Cs", "Zs", "Zl", "Zp"}
# Unicode's other default-ignorable characters, which also show nothing: the combining
# grapheme joiner, the Hangul fillers, Khmer and Mongolian invisible marks, variation
# selectors; and the braille blank, which shows as a space.
_SHOWN_AS_NOTHING = {
    "\u034f",
    "\u115f",
    "\u1160",
    "\u17b4",
    "\u17b5",
    *map(chr, range(0x180B, 0x1810)),
    "\u2800",
    "\u3164",
    *map(chr, range(0xFE00, 0xFE10)),
    "\uffa0",
    *map(chr, range(0xE0100, 0xE01F0)),
}


def reads_as_empty(text: str | None) -> bool:
    """Whether `text` shows a reader nothing: only whitespace and characters that
    display as nothing. A reason, a justification or a consent made of those is none:
    every rule that asks for one asks this."""
    return all(
        char.isspace()
        or char in _SHOWN_AS_NOTHING
        or unicodedata.category(char) in _NOTHING_TO_READ
        for char in text or ""
    )
