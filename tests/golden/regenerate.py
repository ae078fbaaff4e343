"""Create or refresh golden cases: tests/golden/<family>/<case>/{input.html, meta.json, expected.json}.

    python tests/golden/regenerate.py            # rewrite every expected.json from the current extractor
    python tests/golden/regenerate.py CASE_DIR   # only these cases

Review the diff of expected.json like code: it is the contract.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from archive.extract import extract
from tests.golden.cases import capture_of_case, case_dirs


def regenerate(case: Path) -> None:
    result = extract(capture_of_case(case)).as_dict()
    (case / "expected.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {case / 'expected.json'}")


if __name__ == "__main__":
    targets = [Path(a) for a in sys.argv[1:]] or case_dirs()
    for target in targets:
        regenerate(target)
