"""Turning data into self-contained, safe HTML pages and writing them to disk.

Every page must work opened from disk with no network (intranets without internet), so scripts
and styles are inlined from `assets/`.  Everything that comes from a document is untrusted text:
it enters a page only HTML-escaped, or as JSON inside a non-executable <script type=
"application/json"> with every `<` escaped, so no title can close the script element.  A Content
Security Policy allows exactly the inlined scripts (by hash) and no network at all, as a second
line of defence should an injection ever slip through.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import tempfile
from functools import cache
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"

_PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")

# Characters that must not appear raw inside a <script> element or a JS string: `<` (could start
# `</script>` or `<!--`), `>` and `&` (harmless but conventional), and the two line separators
# that older JS engines treat as newlines inside string literals.
_SCRIPT_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


@cache
def asset(name: str) -> str:
    """The text of a file in assets/ (read once per process: the JS library is 600 kB)."""
    return (ASSETS / name).read_text(encoding="utf-8")


def escape(text: object) -> str:
    """Text for HTML element content or a quoted attribute value."""
    return html.escape(str(text), quote=True)


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element and identical for identical input."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for unsafe, escaped in _SCRIPT_UNSAFE:  # str.replace: fast on megabytes, unlike translate
        text = text.replace(unsafe, escaped)
    return text


def inline_script(source: str) -> str:
    """A script's source for inlining; refuses one that would end its own <script> element."""
    lowered = source.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError("script source contains </script or <!-- and cannot be inlined safely")
    return source


def script_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: list[str]) -> str:
    """No network at all (default-src 'none'), only our own inline scripts, inline styles and data: images.

    Hash-allowed scripts also forbid inline event handlers (onerror=…), which is what an
    injected `<img src=x onerror=…>` would need.
    """
    hashes = " ".join(script_hash(s) for s in scripts) or "'none'"
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )


def render(template: str, **slots: str) -> str:
    """Fill `{{name}}` placeholders in one pass, so text put into one slot is never re-expanded.

    Slot values must already be escaped for where they go; a missing slot is an error.
    """
    unused = set(slots)

    def fill(match: re.Match) -> str:
        unused.discard(match.group(1))
        return slots[match.group(1)]

    page = _PLACEHOLDER.sub(fill, template)
    if unused:
        raise KeyError(f"template has no slot for {sorted(unused)}")
    return page


def write_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write through a temp file in the same directory and rename, so a reader never sees half a page."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temp, 0o644)  # mkstemp creates 0600; pages are meant to be served and shared
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
