"""newstrace.align: sentence alignment across articles and support checking of claims."""

from newstrace.align.meaning import align_articles
from newstrace.align.score_file import score_support_file
from newstrace.align.sentences import PreparedArticle
from newstrace.align.support import SourceIndex, SupportCheck, SupportChecker, SupportLabel

__all__ = [
    "PreparedArticle",
    "SourceIndex",
    "SupportCheck",
    "SupportChecker",
    "SupportLabel",
    "align_articles",
    "score_support_file",
]
