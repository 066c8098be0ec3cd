"""Run the pipeline on a Dask cluster: workers annotate and extract, the driver alone writes the store.

``DaskEngine(scheduler="tcp://host:8786")`` connects to a running cluster; ``DaskEngine()`` starts a
local one (``workers`` processes, one thread each: spaCy's parser holds the GIL).  The engine is an
executor for ``engines.local.process``/``run``, so batching, ordering, bounded memory and the run
summary are the same code as on one machine, and the records are the same.  Workers need sitrep and
its model installed (see docs/cluster.md); they receive chunks of raw inputs and return reports, and
they never open the store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sitrep.engines._worker import warm_up
from sitrep.errors import ConfigError

log = logging.getLogger(__name__)


class DaskEngine:
    """A Dask client with ``submit(fn, *args)``, usable as the ``executor`` of ``engines.local.run``."""

    def __init__(self, scheduler: str | None = None, *, workers: int = 2, warm: bool = True) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("the Dask engine needs dask[distributed]: pip install 'sitrep[dask]'") from exc
        self._cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        else:
            # the scheduler serves its status pages on a free port: the default (8787) may be another cluster's
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=":0")
            self.client = Client(self._cluster)
        if warm:
            # every worker loads the model and the gazetteer now, once, rather than on its first chunk
            self.client.run(warm_up)

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info().get("workers", {})) or 1

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        # pure=False: two equal chunks (a re-run) are still computed, and nothing is cached on the cluster
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
