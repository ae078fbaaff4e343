"""How republication clustering scales: time and memory on N synthetic documents.

    python bench/clusters_scale.py --docs 100000

Documents are generated statements of 150-400 words from a 3,000-word
vocabulary; one in ten statements is republished 2-5 times with an added
intro, a signature, a dropped last paragraph or re-broken paragraphs, the
way outlets do. Prints documents/s of `cluster_keys`, peak RSS, and how many
of the planted republication groups came out whole and unmixed.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.clusters import cluster_keys  # noqa: E402


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)]


def statement(rng: random.Random, words: list[str]) -> list[str]:
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        paragraphs.append(" ".join(rng.choice(words) for _ in range(rng.randint(40, 80))) + ".")
    return paragraphs


def republish(rng: random.Random, words: list[str], paragraphs: list[str]) -> list[str]:
    copy = list(paragraphs)
    change = rng.choice(("intro", "signature", "cut", "rebreak"))
    if change == "intro":
        copy.insert(0, "The following statement was issued today. " + " ".join(rng.choices(words, k=15)))
    elif change == "signature":
        copy.append("Signed " + " ".join(rng.choices(words, k=6)))
    elif change == "cut" and len(copy) > 3:
        copy.pop()
    else:
        copy = [copy[0] + " " + copy[1], *copy[2:]]
    return copy


def documents(count: int, seed: int = 7) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(key, text) pairs and key → planted group for the republished ones."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    docs: list[tuple[str, str]] = []
    planted: dict[str, str] = {}
    number = 0
    while len(docs) < count:
        original = statement(rng, words)
        key = f"d{number}"
        docs.append((key, "\n".join(original)))
        number += 1
        if rng.random() < 0.1:
            planted[key] = key
            for _ in range(rng.randint(2, 5)):
                copy_key = f"d{number}"
                docs.append((copy_key, "\n".join(republish(rng, words, original))))
                planted[copy_key] = key
                number += 1
    return docs[:count], {k: g for k, g in planted.items() if int(k[1:]) < count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    docs, planted = documents(args.docs)
    started = time.perf_counter()
    found = cluster_keys(docs)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    groups: dict[str, set[str]] = defaultdict(set)
    for key, group in planted.items():
        groups[group].add(key)
    whole = sum(1 for members in groups.values() if len({found[k] for k in members}) == 1)
    clusters: dict[str, set[str]] = defaultdict(set)
    for key, cluster in found.items():
        clusters[cluster].add(key)
    mixed = sum(1 for members in clusters.values() if len({planted.get(k, k) for k in members}) > 1)
    rate = len(docs) / seconds
    print(f"{len(docs)} documents clustered in {seconds:.1f} s ({rate:.0f} docs/s), peak RSS {peak_mb:.0f}MB")
    print(f"planted republication groups kept whole: {whole}/{len(groups)}; clusters mixing groups: {mixed}")


if __name__ == "__main__":
    main()
