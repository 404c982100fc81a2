"""mkdocs hooks for the docs site (mkdocs.yml).

The pages under docs/ also read well on GitHub, where a link may leave docs/ (to
editors/README.md, bench/README.md, ...). On the site those files do not exist, so such a link
is pointed at the file in the repository instead; `mkdocs build --strict` then fails only on
links that are broken in both places.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_LINK = re.compile(r"\]\((?P<target>\.\./[^)#\s]+)(?P<anchor>#[^)\s]*)?\)")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    repo = str(config["repo_url"]).rstrip("/")
    page_dir = posixpath.dirname("docs/" + page.file.src_uri)

    def outside(match: re.Match[str]) -> str:
        path = posixpath.normpath(posixpath.join(page_dir, match["target"]))
        if path.startswith("docs/") or not (ROOT / path).exists():
            return match.group(0)  # inside the site, or broken: mkdocs reports it
        kind = "tree" if (ROOT / path).is_dir() else "blob"
        return f"]({repo}/{kind}/main/{path}{match['anchor'] or ''})"

    return _LINK.sub(outside, markdown)
