"""`make bench-spark`: a synthetic corpus linked across shards on Spark,
with the time of every stage printed (never a pass/fail).

    spark/.venv/bin/python spark/bench.py [--articles N] [--shards K] [--master local[2]]
                                          [--driver-memory 8g] [--keep DIR]

The corpus (`newsarchive gen-corpus --seed 1`) is split into K shards by
outlet (each outlet's articles in one shard, outlets dealt out by a stable
hash of their name), each shard is imported into its own archive and
exported as Parquet, one after the other as K machines would do at once,
and spark/link.py links the K exports. Printed: each shard's import and
export time, the job's stages (its own `link.py: stage` lines), and the
throughput of the job per core. In local mode the driver is also the
executor: its memory is the executors' (8g: 4 GB per core of local[2]).
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / "target" / "release" / "newsarchive"
VENV = REPO / "spark" / ".venv" / "bin"


def run(args: list, **kw) -> tuple[float, str]:
    """Runs a command, fails loudly; returns its wall time in seconds and
    what it wrote (spark-submit passes the job's standard error to its
    standard output)."""
    start = time.monotonic()
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kw)
    if done.returncode != 0:
        sys.exit(f"bench-spark: {' '.join(map(str, args))} failed:\n{done.stderr[-4000:]}")
    return time.monotonic() - start, done.stdout + done.stderr


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=int(os.environ.get("BENCH_SPARK_ARTICLES", 1_000_000)))
    p.add_argument("--shards", type=int, default=int(os.environ.get("BENCH_SPARK_SHARDS", 4)))
    p.add_argument("--master", default=os.environ.get("BENCH_SPARK_MASTER", "local[2]"))
    p.add_argument("--driver-memory", default=os.environ.get("BENCH_SPARK_DRIVER_MEMORY", "8g"))
    p.add_argument("--keep", help="work in this directory and keep it (default: a temporary one, removed)")
    a = p.parse_args()
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="bench-spark-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"bench-spark: {a.articles} articles (gen-corpus --seed 1) in {a.shards} shards by outlet, {a.master}", flush=True)

    corpus = work / "corpus.jsonl"
    took, _ = run([BIN, "--quiet", "gen-corpus", "--seed", "1", "--articles", a.articles, "--out", corpus])
    print(f"  corpus: {took:.1f} s, {corpus.stat().st_size / 1e6:.0f} MB", flush=True)

    parts = [open(work / f"shard-{i}.jsonl", "w", encoding="utf-8") for i in range(a.shards)]
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            outlet = json.loads(line).get("outlet") or ""
            shard = int.from_bytes(hashlib.sha256(outlet.encode()).digest()[:4], "big") % a.shards
            parts[shard].write(line)
    for f in parts:
        f.close()

    exports = []
    total_import = total_export = 0.0
    for i in range(a.shards):
        db, out = work / f"shard-{i}.db", work / f"shard-{i}"
        imp, _ = run([BIN, "--db", db, "--quiet", "import", work / f"shard-{i}.jsonl"])
        exp, _ = run([BIN, "--db", db, "--quiet", "export", "--format", "parquet", "--dir", out])
        total_import += imp
        total_export += exp
        exports.append(out)
        print(f"  shard {i}: import {imp:.1f} s, Parquet export {exp:.1f} s ({100 * exp / imp:.0f}% of the import)", flush=True)

    env = dict(os.environ, PYSPARK_PYTHON=str(VENV / "python"))
    links = work / "links"
    job = [VENV / "spark-submit", "--master", a.master, "--conf", "spark.ui.enabled=false",
           "--driver-memory", a.driver_memory, REPO / "spark" / "link.py", "--out", links, "--newsarchive", BIN, *exports]
    # A million articles take hours: each stage is printed as it ends, and
    # the job's whole log is kept next to the shards.
    start = time.monotonic()
    with open(work / "job.log", "w", encoding="utf-8") as log, subprocess.Popen(
        [str(x) for x in job], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as proc:
        for line in proc.stdout:
            log.write(line)
            if line.startswith("link.py: stage"):
                print("  " + line.rstrip(), flush=True)
    took = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"bench-spark: the Spark job failed ({proc.returncode}); its log: {work / 'job.log'}")
    cores = os.cpu_count() if a.master == "local[*]" else int(a.master.strip("local[]") or 1)
    print(f"  Spark job: {took:.1f} s = {a.articles / took:.0f} articles/s, {a.articles / took / cores:.0f} per core")
    print(f"  all shards' imports one after the other: {total_import:.1f} s; exports {total_export:.1f} s")
    if not a.keep:
        subprocess.run(["rm", "-rf", str(work)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
