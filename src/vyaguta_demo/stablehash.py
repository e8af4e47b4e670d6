"""Per-record coin flips that depend only on (seed, purpose, id), never on request order."""

import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
MIX_2 = np.uint64(0x94D049BB133111EB)
MASK_64 = (1 << 64) - 1


def unit_interval(ids: np.ndarray, seed: int, purpose: str) -> np.ndarray:
    """A uniform number in [0, 1) per id (splitmix64), stable across calls and processes."""
    salt = np.uint64(
        (seed * 0x100000001B3 + sum(ord(c) << (7 * i) for i, c in enumerate(purpose))) & MASK_64
    )
    x = np.asarray(ids, dtype=np.int64).astype(np.uint64) * GOLDEN + salt
    x = (x ^ (x >> np.uint64(30))) * MIX_1
    x = (x ^ (x >> np.uint64(27))) * MIX_2
    x = x ^ (x >> np.uint64(31))
    return (x >> np.uint64(11)).astype(np.float64) / float(1 << 53)
