"""A small cross-encoder that reads (evidence sentences, claim) and says how well they agree.

MiniLM-L6 fine-tuned on FactCC-style perturbations of real news (bench/train_support_xenc.py),
exported as int8 ONNX to build/support_encoder/ and run with onnxruntime + tokenizers.
An experiment, not shipped: on FRANK validation it added nothing to the lexical support model
(bench/support_encoder_eval.py; see bench/results/frank.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

MODEL_DIR = Path(__file__).resolve().parents[1] / "build" / "support_encoder"
MODEL_FILE = MODEL_DIR / "model_int8.onnx"
TOKENIZER_FILE = MODEL_DIR / "tokenizer.json"
MAX_TOKENS = 256
# evidence sentences given to the encoder, best aligned first (then put in document order)
PREMISE_SENTENCES = 4


def premise_for(sentences: Sequence[str], ranked: Sequence[int]) -> str:
    """The claim's best aligned source sentences, in document order, as one text."""
    chosen = sorted(ranked[:PREMISE_SENTENCES])
    return " ".join(sentences[i] for i in chosen)


def available() -> bool:
    """True when onnxruntime, tokenizers and the shipped model are all there."""
    if not (MODEL_FILE.is_file() and TOKENIZER_FILE.is_file()):
        return False
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


class SupportEncoder:
    """Scores (premise, claim) pairs in [0, 1]: probability that the premise supports the claim."""

    def __init__(self, model_file: Path = MODEL_FILE, tokenizer_file: Path = TOKENIZER_FILE):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ImportError(
                "the support cross-encoder needs onnxruntime and tokenizers: "
                "pip install 'newstrace[onnx]'"
            ) from exc
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.enable_truncation(MAX_TOKENS, strategy="longest_first")
        self.tokenizer.no_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = 2
        self.session: Any = ort.InferenceSession(
            str(model_file), options, providers=["CPUExecutionProvider"]
        )
        self.inputs = {i.name for i in self.session.get_inputs()}

    def score(self, pairs: Sequence[tuple[str, str]], batch_size: int = 16) -> list[float]:
        """Support probability of each (premise, claim) pair."""
        out: list[float] = []
        for start in range(0, len(pairs), batch_size):
            batch = list(pairs[start : start + batch_size])
            encodings = self.tokenizer.encode_batch(batch)
            width = max(len(e.ids) for e in encodings)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            types = np.zeros_like(ids)
            for row, e in enumerate(encodings):
                n = len(e.ids)
                ids[row, :n] = e.ids
                mask[row, :n] = 1
                types[row, :n] = e.type_ids
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            logits = self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0]
            z = logits[:, 1] - logits[:, 0] if logits.shape[1] == 2 else logits[:, 0]
            out.extend(float(p) for p in 1.0 / (1.0 + np.exp(-z)))
        return out
