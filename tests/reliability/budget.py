"""How much the reliability suite does: bounded in `make test`, larger in `make reliability`.

KB_FUZZ_EXAMPLES is the number of generated files per fuzzing test (default 150, so `make test`
stays quick; `make reliability` sets 2000). The seed is fixed (KB_FUZZ_SEED, default 12) so a run is
repeatable and a failure can be replayed.
"""
from __future__ import annotations

import os


def examples(default: int = 150) -> int:
    value = os.environ.get("KB_FUZZ_EXAMPLES", "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def seed() -> int:
    value = os.environ.get("KB_FUZZ_SEED", "")
    return int(value) if value.isdigit() else 12
