"""Where extraction runs: this process, a pool of local processes, or a Dask cluster.

Every engine takes :class:`~extract.records.Article` records and yields
:class:`~extract.records.Extraction` records; spaCy ``Doc`` objects never leave the process
that parsed them. Each worker process loads the spaCy pipeline once and reuses it for
every batch. Resolution and graph assembly always run afterwards, in the calling process,
over the records of every article, so all engines give the same graph (to the byte).

:func:`run_extraction` puts an :class:`~graph.cache.ExtractionCache` in front of an engine:
only articles whose content hash is not cached under the current pipeline fingerprint
are sent to the engine, and their results are stored one transaction per batch.

Examples
--------
>>> from extract.records import Article, Extraction
>>> class Echo:  # any object with ``extract(articles)`` is an engine
...     def extract(self, articles):
...         for a in articles:
...             yield Extraction(a)
>>> from graph.cache import ExtractionCache
>>> with ExtractionCache(":memory:") as cache:
...     first = list(run_extraction(Echo(), [Article("a", "x"), Article("b", "y")], cache=cache, fingerprint="f"))
...     again = list(run_extraction(Echo(), [Article("a", "x"), Article("c", "z")], cache=cache, fingerprint="f"))
...     (cache.hits, cache.stored)
(1, 3)
>>> sorted(x.article.id for x in again)
['a', 'c']
"""
from __future__ import annotations

import itertools
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator

from extract.pipeline import extract, load_nlp
from extract.records import Article, Extraction

from .cache import ExtractionCache, article_hash, pipeline_fingerprint

__all__ = ["LocalEngine", "DaskEngine", "make_engine", "run_extraction", "pipeline_spec", "ENGINES"]

#: Names accepted by :func:`make_engine` (and the CLI's ``--engine``).
ENGINES = ("local", "dask")
#: Articles per task sent to a worker: large enough to amortise the hand-over, small
#: enough to keep every worker busy near the end and memory flat.
TASK_SIZE = 16


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def pipeline_spec(nlp) -> tuple[str, str | None]:
    """``(model name, gazetteer folder)``: what a fresh process needs to load the same pipeline as ``nlp``.

    >>> import spacy
    >>> pipeline_spec(spacy.blank("en"))
    ('en_pipeline', None)
    """
    model = f"{nlp.lang}_{nlp.meta.get('name', 'pipeline')}"
    gazetteer_dir = None
    if "newsgraph_entities" in nlp.pipe_names:
        gazetteer_dir = nlp.get_pipe_config("newsgraph_entities").get("gazetteer_dir")
    return model, gazetteer_dir


# --------------------------------------------------------------------------- local processes

_WORKER_NLP = None  # the pipeline of a pool worker: inherited (fork) or loaded once (spawn)


def _init_worker(spec):
    global _WORKER_NLP
    # Ctrl-C reaches every process of the terminal's group: the parent answers it (one line, exit 130)
    # and ends the pool; a worker left to it would print a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if spec is not None:
        _WORKER_NLP = load_nlp(spec[0], gazetteer_dir=spec[1])


def _extract_task(articles: list[Article], batch_size: int) -> list[Extraction]:
    return list(extract(_WORKER_NLP, articles, batch_size=batch_size))


class LocalEngine:
    """spaCy on this machine: in this process (``jobs=1``) or in ``jobs`` worker processes.

    Workers are forked from this process where the platform allows (they share the loaded
    pipeline's memory until they write to it) and otherwise spawned, loading the pipeline
    once each. Each task is :data:`TASK_SIZE` articles; at most ``2 * jobs`` tasks are in
    flight, so memory stays flat however long the input is. Results come in input order.

    Parameters
    ----------
    nlp : spacy.language.Language
        The pipeline of :func:`extract.pipeline.load_nlp`.
    jobs : int
        Worker processes; 1 runs in this process.
    batch_size : int
        ``nlp.pipe`` batch size.
    """

    def __init__(self, nlp, *, jobs: int = 1, batch_size: int = 64):
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        self.nlp, self.jobs, self.batch_size = nlp, jobs, batch_size

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        if self.jobs == 1:
            yield from extract(self.nlp, articles, batch_size=self.batch_size)
            return
        tasks = _batches(articles, TASK_SIZE)
        first = next(tasks, None)
        if first is None:  # nothing to parse (say, every article was cached): start no process
            return
        global _WORKER_NLP
        # fork shares the loaded model; it is only safe while this process runs one thread
        can_fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
        if can_fork:
            context, spec = multiprocessing.get_context("fork"), None
            _WORKER_NLP = self.nlp
        else:
            context, spec = multiprocessing.get_context("spawn"), pipeline_spec(self.nlp)
        try:
            with context.Pool(self.jobs, initializer=_init_worker, initargs=(spec,)) as pool:
                in_flight: deque = deque()
                for task in itertools.chain([first], tasks):
                    in_flight.append(pool.apply_async(_extract_task, (task, self.batch_size)))
                    if len(in_flight) >= 2 * self.jobs:
                        yield from in_flight.popleft().get()
                while in_flight:
                    yield from in_flight.popleft().get()
        finally:
            if can_fork:
                _WORKER_NLP = None


# --------------------------------------------------------------------------- dask

_DASK_PIPELINES: dict = {}  # per worker process: spec -> (nlp, fingerprint), loaded on first use


def _dask_extract_task(articles: list[Article], spec: tuple[str, str | None], batch_size: int):
    """Runs on a Dask worker: the pipeline is loaded once per worker process and kept."""
    if spec not in _DASK_PIPELINES:
        nlp = load_nlp(spec[0], gazetteer_dir=spec[1])
        _DASK_PIPELINES[spec] = (nlp, pipeline_fingerprint(nlp))
    nlp, fingerprint = _DASK_PIPELINES[spec]
    return fingerprint, list(extract(nlp, articles, batch_size=batch_size))


class DaskEngine:
    """Extraction on a Dask cluster; records come back, resolution stays with the caller.

    Parameters
    ----------
    nlp : spacy.language.Language
        The caller's pipeline: workers load the same model and gazetteer folder by name,
        and every result is checked against this pipeline's fingerprint (a worker with
        other code, model or data fails the build rather than mixing results).
    scheduler : str, optional
        Address of a running scheduler (``tcp://host:8786``). Without it a
        ``LocalCluster`` of ``jobs`` single-threaded worker processes is started and
        closed again after the extraction.
    jobs : int
        Workers of the local cluster (ignored with ``scheduler``).
    batch_size : int
        ``nlp.pipe`` batch size on the workers.

    Notes
    -----
    Workers must have newsgraph, its data and the spaCy model installed; the articles
    travel to them inside the tasks, so no shared file system is needed.
    """

    def __init__(self, nlp, *, scheduler: str | None = None, jobs: int = 1, batch_size: int = 64):
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise ImportError("the dask engine needs dask's distributed scheduler: pip install 'dask[distributed]'") from None
        self.nlp, self.scheduler, self.jobs, self.batch_size = nlp, scheduler, jobs, batch_size

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        from distributed import Client, LocalCluster

        spec, expected = pipeline_spec(self.nlp), pipeline_fingerprint(self.nlp)
        tasks = _batches(articles, TASK_SIZE)
        first = next(tasks, None)
        if first is None:
            return
        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
        client = Client(self.scheduler or cluster, set_as_default=False)
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})) or self.jobs)
            in_flight: deque = deque()

            def collect():
                fingerprint, extractions = in_flight.popleft().result()
                if fingerprint != expected:
                    raise RuntimeError("a Dask worker runs another newsgraph pipeline (code, model or data differ "
                                       "from this machine's); install the same version on every worker")
                return extractions

            for n, task in enumerate(itertools.chain([first], tasks)):
                in_flight.append(client.submit(_dask_extract_task, task, spec, self.batch_size,
                                               key=f"newsgraph-extract-{id(self):x}-{n}", pure=False))
                if len(in_flight) >= 2 * workers:
                    yield from collect()
            while in_flight:
                yield from collect()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def make_engine(name: str, nlp, *, jobs: int = 1, scheduler: str | None = None):
    """The engine called ``name`` (one of :data:`ENGINES`).

    >>> import spacy
    >>> make_engine("local", spacy.blank("en"), jobs=2).jobs
    2
    """
    if name == "local":
        if scheduler is not None:
            raise ValueError("--scheduler needs --engine dask")
        return LocalEngine(nlp, jobs=jobs)
    if name == "dask":
        return DaskEngine(nlp, scheduler=scheduler, jobs=jobs)
    raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")


# --------------------------------------------------------------------------- cache in front

def run_extraction(engine, articles: Iterable[Article], *, cache: ExtractionCache | None = None,
                   fingerprint: str | None = None, batch_size: int = 64) -> Iterator[Extraction]:
    """Extractions of ``articles``: cached ones reused, the others extracted by ``engine`` and cached.

    Parameters
    ----------
    engine
        An object whose ``extract(articles)`` yields one Extraction per article.
    articles : iterable of Article
        Read lazily, ``batch_size`` at a time.
    cache : ExtractionCache, optional
        Without it every article goes to the engine.
    fingerprint : str
        The pipeline's :func:`~graph.cache.pipeline_fingerprint` (required with ``cache``).
    batch_size : int
        Articles per cache look-up and per write transaction.

    Yields
    ------
    Extraction
        One per article; cached ones and new ones interleaved (callers sort by article id).
    """
    if cache is None:
        yield from engine.extract(articles)
        return
    if fingerprint is None:
        raise ValueError("a cache needs the pipeline's fingerprint")
    reused: deque = deque()

    def misses():
        for batch in _batches(articles, batch_size):
            found = cache.get_many(fingerprint, batch)
            for article in batch:
                hit = found.get(article_hash(article))
                if hit is None:
                    yield article
                else:
                    cache.hits += 1
                    reused.append(hit)

    fresh: list[Extraction] = []
    for extraction in engine.extract(misses()):
        fresh.append(extraction)
        if len(fresh) >= batch_size:
            cache.put_many(fingerprint, fresh)
            fresh = []
        yield extraction
        while reused:
            yield reused.popleft()
    cache.put_many(fingerprint, fresh)
    while reused:
        yield reused.popleft()
