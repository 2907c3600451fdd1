#!/usr/bin/env python3
"""Python-side translate throughput of the `invokecfg` module, beside the Rust figure.

    pip install ./crates/python          # a release build, as users get it
    python scripts/bench_python.py       # from the repository root

It generates the xtask bench corpus (10,000 configs per dialect, the seeded
mapping; `cargo run --release -p xtask -- bench --out DIR` also prints the
Rust figures, which this script takes from its --json output), then measures,
on the same documents, to the same targets, with the same options as the
xtask's end-to-end row (bytes -> parse -> detect -> translate -> pretty JSON):

- `translate(bytes)` and `translate(dict)` called once per config (1 thread),
- `translate_many` over the 10,000 configs (every core), as bytes and as dicts,
- both again with each result's `.text` (the CLI's output) taken.

Call overhead = Python seconds per config - Rust end-to-end seconds per
config. Targets (issue #12): overhead < 20 us; translate_many >= 1.5x the
single-call throughput on 2 cores. The machine is shared: the "cores free"
line measures how much of a second core a CPU-bound pair of processes got
during the run, so a parallel figure can be read against it.
"""

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import invokecfg

ROOT = Path(__file__).resolve().parents[1]


def burn(n):
    s = 0
    for i in range(n):
        s += i
    return s


def cores_free(n=3_000_000):
    """Speed-up of two CPU-bound processes over one after the other (2.0: two idle cores)."""
    t = time.perf_counter()
    burn(n)
    burn(n)
    serial = time.perf_counter() - t
    with multiprocessing.Pool(2) as pool:
        t = time.perf_counter()
        pool.map(burn, [n, n])
        parallel = time.perf_counter() - t
    return serial / parallel


def best(runs, fn):
    """The fastest of `runs` timings (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def singles(docs, target, mapping, take_text):
    for d in docs:
        try:
            t = invokecfg.translate(d, target, mapping=mapping, allow_lossy=True)
        except invokecfg.TranslationRefused:
            continue
        if take_text:
            t.text


def many(docs, target, mapping, take_text):
    for t in invokecfg.translate_many(docs, target, mapping=mapping, allow_lossy=True, return_exceptions=True):
        if take_text and isinstance(t, invokecfg.Translation):
            t.text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", type=int, default=10000, help="configs per dialect (default 10000)")
    parser.add_argument("--runs", type=int, default=3, help="timings per figure; the fastest is kept (default 3)")
    parser.add_argument("--corpus", type=Path, help="reuse a corpus written by xtask bench --out (skips the Rust run)")
    parser.add_argument("--xtask-json", type=Path, help="the xtask bench --json output that goes with --corpus")
    args = parser.parse_args()

    if args.corpus:
        corpus, rust = args.corpus, json.loads(args.xtask_json.read_text()) if args.xtask_json else None
    else:
        corpus = Path(tempfile.mkdtemp(prefix="invokecfg-bench-python-")) / "corpus"
        print(f"bench: xtask bench (Rust figures, corpus in {corpus})", file=sys.stderr)
        out = subprocess.run(
            ["cargo", "run", "--release", "-q", "-p", "xtask", "--", "bench", "--configs", str(args.configs),
             "--lists", "10", "--runs", str(args.runs), "--latency-runs", "5", "--no-check-jsonschema", "--json",
             "--out", str(corpus)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        rust = json.loads(out.stdout)
    rust_rows = {r["dialect"]: r for r in rust["translate"]["per_dialect"]} if rust else {}
    mapping = json.loads((corpus / "mapping.json").read_text())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    free_before = cores_free()

    lines = [
        f"invokecfg python bench  {datetime.date.today()}  commit {commit}  invokecfg {invokecfg.__version__}  "
        f"CPython {platform.python_version()}  {os.cpu_count()} CPUs  rayon threads {os.environ.get('RAYON_NUM_THREADS', 'all')}",
        f"corpus: {args.configs} configs per dialect (xtask bench), targets and options as its end-to-end row "
        "(huawei -> alibaba-fc2, others -> huawei, generated mapping, allow_lossy); fastest of "
        f"{args.runs} runs",
        "",
        "configs/s           rust e2e/core  py bytes  py dict  many bytes  many dict  +text: py bytes  many bytes  "
        "overhead us  many/single",
    ]
    totals = {k: 0.0 for k in ("rust", "bytes", "dict", "many_bytes", "many_dict", "bytes_text", "many_text")}
    n_all = 0
    for dialect_dir in sorted((corpus / "configs").iterdir()):
        dialect = dialect_dir.name
        target = "alibaba-fc2" if dialect == "huawei" else "huawei"
        files = sorted(dialect_dir.glob("*.json"))[: args.configs]
        docs = [p.read_bytes() for p in files]
        dicts = [json.loads(d) for d in docs]
        n = len(docs)
        invokecfg.translate(docs[0], target, mapping=mapping, allow_lossy=True)  # warm the mapping cache
        secs = {
            "bytes": best(args.runs, lambda: singles(docs, target, mapping, False)),
            "dict": best(args.runs, lambda: singles(dicts, target, mapping, False)),
            "many_bytes": best(args.runs, lambda: many(docs, target, mapping, False)),
            "many_dict": best(args.runs, lambda: many(dicts, target, mapping, False)),
            "bytes_text": best(args.runs, lambda: singles(docs, target, mapping, True)),
            "many_text": best(args.runs, lambda: many(docs, target, mapping, True)),
        }
        rust_rate = rust_rows.get(dialect, {}).get("end_to_end_configs_per_s_per_core", 0.0)
        secs["rust"] = n / rust_rate if rust_rate else 0.0
        for k, v in secs.items():
            totals[k] += v
        n_all += n
        lines.append(row(dialect, n, secs))
    lines.append(row("all", n_all, totals))
    free_after = cores_free()
    overhead = (totals["bytes"] - totals["rust"]) / n_all * 1e6 if totals["rust"] else float("nan")
    ratio = totals["bytes"] / totals["many_bytes"]
    lines += [
        "  rust e2e/core: the xtask bench's end-to-end row, in process, 1 thread (its median of the runs)",
        "  py bytes/dict: translate() once per config, 1 thread; many: translate_many() over the dialect's configs",
        "  +text: each result's .text taken too (the CLI's output; made on first use); overhead: py bytes vs rust e2e",
        f"  cores free (2.0 = two idle cores, 1.0 = one): {free_before:.2f} before, {free_after:.2f} after",
        "",
        "targets",
        f"  {'PASS' if overhead < 20 else 'FAIL'} call overhead over the Rust work (us)   {overhead:8.1f}   target < 20",
        f"  {'PASS' if ratio >= 1.5 else 'FAIL'} translate_many / single calls            {ratio:8.2f}   target >= 1.5 on 2 cores",
    ]
    print("\n".join(lines))


def row(name, n, secs):
    rate = {k: (n / v if v else 0.0) for k, v in secs.items()}
    overhead = (secs["bytes"] - secs["rust"]) / n * 1e6 if secs["rust"] else float("nan")
    return (
        f"{name:<19} {rate['rust']:>13.0f} {rate['bytes']:>9.0f} {rate['dict']:>8.0f} {rate['many_bytes']:>11.0f} "
        f"{rate['many_dict']:>10.0f} {rate['bytes_text']:>16.0f} {rate['many_text']:>11.0f} {overhead:>12.1f} "
        f"{secs['bytes'] / secs['many_bytes']:>12.2f}"
    )


if __name__ == "__main__":
    main()
