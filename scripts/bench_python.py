#!/usr/bin/env python3
"""Python-side translate throughput of the `invokecfg` module, beside the Rust figure.

    pip install ./crates/python          # a release build, as users get it
    python scripts/bench_python.py       # from the repository root

It writes the xtask bench corpus (`cargo run --release -p xtask -- bench
--generate-only`: 10,000 configs per dialect and its generated mapping) and
measures, on the same documents, with the same targets and options as the
xtask bench's end-to-end row (bytes -> parse -> detect -> translate; huawei ->
alibaba-fc2, the others -> huawei; allow_lossy):

- rust/core: the same per-document work in Rust, one thread, GIL released, no
  Python object per document (the module's private `_bench_translate_serial`),
- `translate(bytes)` and `translate(dict)` called once per config (1 thread),
- `translate_many` over the 10,000 configs (every core), as bytes and as dicts,
- single calls and translate_many again with each result's `.text` (the CLI's
  output) taken.

Every figure is the fastest of --runs rounds, the rounds interleaved, so all
figures see the same machine (it is shared: the "cores free" line measures how
much of a second core two CPU-bound processes got, before and after).
Call overhead = (single-call seconds - rust seconds) per config. Targets
(issue #12): overhead < 20 us; translate_many >= 1.5x single calls on 2 cores.
`--xtask-json FILE` (the output of `xtask bench --json`) adds its end-to-end
figure as a column.
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
import threading
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


def singles(docs, target, mapping, take_text):
    for d in docs:
        try:
            t = invokecfg.translate(d, target, mapping=mapping, allow_lossy=True)
        except invokecfg.InvokecfgError:
            # Refusals, and the corpus's seeded defects (a foreign key makes a mixed document), as translate_many returns them.
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
    parser.add_argument("--runs", type=int, default=5, help="interleaved rounds; the fastest of each figure is kept (default 5)")
    parser.add_argument("--corpus", type=Path, help="a corpus written by xtask bench --out (default: write one)")
    parser.add_argument("--xtask-json", type=Path, help="xtask bench --json output, for its end-to-end column")
    args = parser.parse_args()

    corpus = args.corpus
    if corpus is None:
        corpus = Path(tempfile.mkdtemp(prefix="invokecfg-bench-python-")) / "corpus"
        print(f"bench: writing the xtask corpus to {corpus}", file=sys.stderr)
        subprocess.run(
            ["cargo", "run", "--release", "-q", "-p", "xtask", "--", "bench", "--generate-only", "--configs",
             str(args.configs), "--lists", "1", "--out", str(corpus)],
            cwd=ROOT, check=True,
        )
    xtask = json.loads(args.xtask_json.read_text()) if args.xtask_json else None
    xtask_rows = {r["dialect"]: r for r in xtask["translate"]["per_dialect"]} if xtask else {}
    mapping = json.loads((corpus / "mapping.json").read_text())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    free_before = cores_free()

    lines = [
        f"invokecfg python bench  {datetime.date.today()}  commit {commit}  invokecfg {invokecfg.__version__}  "
        f"CPython {platform.python_version()}  {os.cpu_count()} CPUs",
        f"corpus: {args.configs} configs per dialect (xtask bench corpus), targets and options as its end-to-end row; "
        f"fastest of {args.runs} interleaved rounds",
        "",
        "configs/s       rust/core  py bytes  py dict  many bytes  many dict  +text: py bytes  many bytes  "
        "overhead us  many/single" + ("  xtask e2e/core" if xtask else ""),
    ]
    keys = ("rust", "bytes", "dict", "many_bytes", "many_dict", "bytes_text", "many_text")
    totals = {k: 0.0 for k in keys}
    split = [0.0, 0.0]
    n_all = 0
    for dialect_dir in sorted((corpus / "configs").iterdir()):
        dialect = dialect_dir.name
        target = "alibaba-fc2" if dialect == "huawei" else "huawei"
        docs = [p.read_bytes() for p in sorted(dialect_dir.glob("*.json"))[: args.configs]]
        dicts = [json.loads(d) for d in docs]
        n = len(docs)
        figures = {
            "rust": lambda: invokecfg._invokecfg._bench_translate_serial(docs, target, mapping=mapping, allow_lossy=True),
            "bytes": lambda: timed(singles, docs, target, mapping, False),
            "dict": lambda: timed(singles, dicts, target, mapping, False),
            "many_bytes": lambda: timed(many, docs, target, mapping, False),
            "many_dict": lambda: timed(many, dicts, target, mapping, False),
            "bytes_text": lambda: timed(singles, docs, target, mapping, True),
            "many_text": lambda: timed(many, docs, target, mapping, True),
        }
        secs = {k: float("inf") for k in keys}
        for _ in range(args.runs):
            for k in keys:
                secs[k] = min(secs[k], figures[k]())
        for k in keys:
            totals[k] += secs[k]
        main_cpu, worker_cpu = split_of_many(docs, target, mapping)
        split[0] += main_cpu
        split[1] += worker_cpu
        n_all += n
        lines.append(row(dialect, n, secs, xtask_rows.get(dialect)))
    lines.append(row("all", n_all, totals, None))
    free_after = cores_free()
    overhead = (totals["bytes"] - totals["rust"]) / n_all * 1e6
    ratio = totals["bytes"] / totals["many_bytes"]
    serial, parallel = split
    bound = (serial + parallel) / (serial + parallel / 2) if serial + parallel else float("nan")
    lines += [
        "  rust/core: the per-document Rust work of translate_many, serially, in this process, GIL released",
        "  py bytes/dict: translate() once per config; many: translate_many() over the dialect's configs (all cores)",
        "  +text: each result's .text taken too (the CLI's output, made on first use); overhead: py bytes vs rust/core",
        f"  cores free (2.0 = two idle cores, 1.0 = one): {free_before:.2f} before, {free_after:.2f} after",
        f"  translate_many CPU (bytes, all dialects): {serial:.2f} s on the Python thread, {parallel:.2f} s on rayon's; "
        f"two idle cores would run it at most {bound:.2f}x as fast as one (Amdahl)",
        "",
        "targets",
        f"  {'PASS' if overhead < 20 else 'FAIL'} call overhead over the Rust work (us/call)   {overhead:8.1f}   target < 20",
        f"  {'PASS' if ratio >= 1.5 else 'FAIL'} translate_many / single calls (bytes)       {ratio:8.2f}   target >= 1.5 on 2 cores",
    ]
    print("\n".join(lines))


def thread_cpu():
    """CPU seconds per thread of this process (Linux /proc; {} elsewhere)."""
    out = {}
    try:
        tick = os.sysconf("SC_CLK_TCK")
        for t in os.listdir("/proc/self/task"):
            fields = Path(f"/proc/self/task/{t}/stat").read_text().rsplit(")", 1)[1].split()
            out[t] = (int(fields[11]) + int(fields[12])) / tick
    except OSError:
        pass
    return out


def split_of_many(docs, target, mapping):
    """(CPU seconds on the calling thread, on rayon's threads) of one translate_many call."""
    me = str(threading.get_native_id())
    before = thread_cpu()
    many(docs, target, mapping, False)
    after = thread_cpu()
    used = {t: after[t] - before.get(t, 0.0) for t in after}
    return used.get(me, 0.0), sum(v for t, v in used.items() if t != me)


def timed(fn, *args):
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def row(name, n, secs, xtask_row):
    rate = {k: n / v for k, v in secs.items()}
    overhead = (secs["bytes"] - secs["rust"]) / n * 1e6
    line = (
        f"{name:<15} {rate['rust']:>9.0f} {rate['bytes']:>9.0f} {rate['dict']:>8.0f} {rate['many_bytes']:>11.0f} "
        f"{rate['many_dict']:>10.0f} {rate['bytes_text']:>16.0f} {rate['many_text']:>11.0f} {overhead:>12.1f} "
        f"{secs['bytes'] / secs['many_bytes']:>12.2f}"
    )
    if xtask_row:
        line += f" {xtask_row['end_to_end_configs_per_s_per_core']:>16.0f}"
    return line


if __name__ == "__main__":
    main()
