"""Page furniture: blocks and paragraphs around (or inside) an article that are not its text.

Blocks are recognised by class/id words (cookie banner, share bar, related links, comments...)
and dropped unless they hold most of the page's text (then they wrap the article). Inside the
extracted text, ad slots and "Read more: <other headline>" teasers are dropped as paragraphs.
"""

from __future__ import annotations

import re
from typing import Any

MAX_FURNITURE_SHARE = 0.4
_PRUNABLE_TAGS = ("div", "section", "aside", "ul", "ol", "nav", "form", "span", "p", "td", "table")
_FURNITURE_MARK = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletter|subscribe|subscription|paywall|social|share"
    r"|sharing|sharebar|related|recommended|most-?read|popular|trending|promo|sponsored|advert\w*"
    r"|ads?|masthead|breadcrumbs?|sidebar|comments?|more-from|editors-pick|read-more|outbrain"
    r"|taboola|menu|navbar|navigation)(?:$|[\s_-])"
)
# Whole paragraphs that are page furniture inside the article body: ad slots and link teasers
# ("Read more: <other story's headline>"). A teaser needs its label and a colon or dash.
_FURNITURE_PARAGRAPH = re.compile(
    r"^(?:advertisement|advertisment|sponsored(?: content)?|story continues below(?: advertisement)?)$"
    r"|^(?:read more|read also|also read|related|related stories|see also|more on this|watch|listen"
    r"|recommended|most read|sign up|subscribe|click here|follow us|share this(?: story| article)?)"
    r"\s*[:\-–—|]\s*.{0,200}$",
    re.IGNORECASE,
)


def prune_furniture(tree: Any) -> None:
    """Drop blocks whose class or id names page furniture (cookie banner, share bar, related
    links, comments...), unless they hold most of the page's text (then they wrap the article)."""
    total = len(tree.text_content()) or 1
    for node in list(tree.iter(*_PRUNABLE_TAGS)):
        marker = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if not marker.strip() or _FURNITURE_MARK.search(marker) is None:
            continue
        if node.getparent() is not None and len(node.text_content()) < total * MAX_FURNITURE_SHARE:
            node.drop_tree()


def drop_furniture(text: str) -> str:
    """Remove ad-slot and "Read more: ..." paragraphs left inside the extracted body."""
    kept = [p for p in text.split("\n\n") if not _FURNITURE_PARAGRAPH.match(p.strip())]
    return "\n\n".join(kept)
