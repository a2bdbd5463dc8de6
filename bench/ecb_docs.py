"""ECB+ documents as Articles, their gold events and stories, and clustering scores.

Shared by bench/ecb_events.py and tests/cluster. Gold event = topic x sub-topic
(`T_Necb` vs `T_Necbplus`), gold story = topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path

from newstrace.model import Article

ROOT = Path(__file__).resolve().parents[1]
ECB_DIR = ROOT.parent / "shared" / "datasets" / "ecbplus"
TRAIN_TOPICS = range(1, 36)
TEST_TOPICS = range(36, 46)

_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s|'re|n't|'ll|'ve|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenize(tokens: Sequence[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    return text.replace("&amp;", "&").replace("&quot;", '"').replace("&apos;", "'")


def load_doc(path: Path) -> Article:
    """One ECB+ XML file as an Article (its leading URL line, if any, becomes `url`)."""
    sentences: dict[int, list[str]] = {}
    for number, token in _TOKEN.findall(path.read_text(encoding="utf-8")):
        sentences.setdefault(int(number), []).append(token)
    lines = [detokenize(sentences[k]) for k in sorted(sentences)]
    url = None
    if lines and lines[0].lower().startswith("http"):
        url = lines.pop(0).replace(" ", "")
    doc_id = path.stem
    return Article(id=doc_id, source=str(path), text="\n".join(lines), url=url, outlet=None)


def gold_event(doc_id: str) -> str:
    topic, rest = doc_id.split("_", 1)
    return f"{topic}_{'ecbplus' if rest.endswith('ecbplus') else 'ecb'}"


def gold_story(doc_id: str) -> str:
    return doc_id.split("_", 1)[0]


def load_topics(topics: Iterable[int], ecb_dir: Path = ECB_DIR) -> list[Article]:
    """All documents of the given topics, sorted by id."""
    base = ecb_dir / "ECB+_LREC2014" / "ECB+"
    docs: list[Article] = []
    for topic in topics:
        folder = base / str(topic)
        if folder.is_dir():
            docs.extend(load_doc(p) for p in sorted(folder.glob("*.xml")))
    return docs


def pairwise_f1(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over document pairs put in one cluster."""
    ids = sorted(gold)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same_pred = predicted[a] == predicted[b]
        same_gold = gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ari(predicted: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    ids = sorted(gold)
    return float(adjusted_rand_score([gold[i] for i in ids], [predicted[i] for i in ids]))
