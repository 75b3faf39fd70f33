"""Events as CSV, one row an event, ACLED's column names where they exist (see :mod:`.flat`).

UTF-8, comma-separated, a header row, lists joined with "; ", empty cells for "not known".
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from .flat import COLUMNS, flat_row


def write_csv(records: Iterable[dict], out: TextIO) -> int:
    """Write the header and one row per record; returns the number of rows."""
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for record in records:
        w.writerow({k: ("" if v is None else v) for k, v in flat_row(record).items()})
        n += 1
    return n
