from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
BENCH = SHARED / "bench"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"seed documents not found at {SEEDS}: clone the project beside shared/")
    return SEEDS


def seed(name_prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{name_prefix}_*.txt")
    return path
