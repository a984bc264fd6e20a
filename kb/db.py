"""The one place that opens connections and sessions to Neo4j.

`Graph` is the API every layer uses: `read` / `rows` / `write` for one statement, `transaction` for
several statements committed together (an import, an edit), `write_retrying` for a short transaction
the driver may retry, `stream` for the rows of a long read as they arrive, `session` for what needs a
session itself (streaming untrusted Cypher in kb.readonly, streaming a dump), and `untrusted` for
Cypher we did not write: a Graph on a driver of its own that is cut off at a deadline. Nothing else
opens a driver or a session.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Self, TypeVar

import neo4j
from kb.config import Settings, load_settings
from neo4j import GraphDatabase, RoutingControl

T = TypeVar("T")

# Seconds for a statement that commits in batches (`CALL { … } IN TRANSACTIONS`): clearing a province or
# giving its million citations a new property outlasts the server's default transaction timeout (120 s).
BATCHED_TIMEOUT = 3600.0


class NotConfigured(RuntimeError):
    pass


class Rows(list):
    """A batch of rows passed as one parameter, shown by its length in the driver's debug line: the
    driver formats every statement's parameters with repr() whether debug logging is on or not (neo4j 6.4,
    Bolt5x5.run): a second of an import's 30 for a county's 23,000 records."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


_SCALARS = frozenset({str, int, float, bool, type(None), bytes})


def plain(value: Any) -> Any:
    """``value`` as `neo4j.Record.data()` gives it: lists and maps copied, nodes as their properties,
    relationships and paths as the driver exports them, the rest as it is. The driver's own walk tests
    every value against abstract classes (a third of a chain partition's Python time on a province);
    here the plain types, nearly every value a query returns, are known by their type alone."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return [plain(v) for v in value]
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    return neo4j.Record([("v", value)]).data()["v"]  # a node, relationship, path: the driver's export


def plain_row(record: neo4j.Record) -> dict[str, Any]:
    """A record as `record.data()` gives it (see `plain`)."""
    return {k: plain(v) for k, v in zip(record.keys(), record.values())}


def connect(settings: Settings, **options: Any) -> neo4j.Driver:
    if not settings.password:
        raise NotConfigured(f"没有 {settings.uri} 的密码：请运行 `kb db start`（由 kb 管理的服务器）或设置 NEO4J_PASSWORD")
    config: dict[str, Any] = {"connection_timeout": 10, "max_connection_lifetime": 3600,
                              "notifications_min_severity": "OFF", **options}
    return GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password), **config)


class Graph:
    """A driver bound to one database. Injected everywhere; nothing holds a global driver."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j", settings: Settings | None = None):
        self.driver = driver
        self.database = database
        self.settings = settings
        self._cut = False  # an untrusted Graph the watchdog closed
        self._ends_at: float | None = None  # an untrusted Graph's deadline (time.monotonic)

    @classmethod
    def from_settings(cls, settings: Settings | None = None, **options: Any) -> Graph:
        """``options`` go to the driver (e.g. a shorter ``max_transaction_retry_time``)."""
        settings = settings or load_settings()
        return cls(connect(settings, **options), settings.database, settings)

    @contextmanager
    def untrusted(self, deadline: float) -> Iterator[Graph]:
        """A Graph on a driver of its own (one connection) for Cypher we did not write, closed from a
        watchdog thread when ``deadline`` seconds have passed: the socket is shut, so a read that waits
        for a reply that never comes, or a reply of a gigabyte, ends there (the transaction timeout only
        bounds the server's work, and the driver has no read timeout of its own). The app's own pool is
        never lent to such a query. ``cut_off`` says whether the deadline ended it."""
        if self.settings is None:
            raise NotConfigured("an untrusted Graph needs the settings its own driver connects with")
        driver = connect(self.settings, max_connection_pool_size=1, connection_timeout=min(5.0, deadline),
                         connection_acquisition_timeout=deadline, max_transaction_retry_time=0)
        graph = Graph(driver, self.database)
        graph._ends_at = time.monotonic() + deadline

        def cut() -> None:
            graph._cut = True
            driver.close()

        watchdog = threading.Timer(deadline, cut)
        watchdog.daemon = True
        watchdog.start()
        try:
            yield graph
        finally:
            watchdog.cancel()
            driver.close()

    @property
    def cut_off(self) -> bool:
        """Whether an untrusted Graph's deadline has passed: the watchdog closed it, or the time is up
        already while the watchdog has yet to run (a connection timeout as short as the deadline fails
        on its own a moment before the watchdog fires)."""
        return self._cut or (self._ends_at is not None and time.monotonic() >= self._ends_at)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, query: str, **params: Any) -> list[dict]:
        records, _, _ = self.driver.execute_query(query, params, database_=self.database,
                                                  routing_=RoutingControl.READ)
        return [plain_row(r) for r in records]

    def rows(self, query: str, **params: Any) -> list[tuple]:
        """Values of each record, without Record.data()'s deep conversion (fast for many plain rows)."""
        records, _, _ = self.driver.execute_query(query, params, database_=self.database,
                                                  routing_=RoutingControl.READ)
        return [tuple(r.values()) for r in records]

    def stream(self, query: str, timeout: float | None = None, **params: Any) -> Iterator[dict]:
        """The rows of a read as they arrive (a few at a time, not the whole answer in memory); the
        session stays open until the rows are read or the iterator is closed. `timeout`: seconds the read may
        take instead of the server's default (a reader that writes as it goes takes longer than the read)."""
        with self.session(read_only=True, fetch_size=500) as session:
            for record in session.run(neo4j.Query(query, timeout=timeout), params):
                yield plain_row(record)

    def write(self, query: str, **params: Any) -> list[dict]:
        records, _, _ = self.driver.execute_query(query, params, database_=self.database,
                                                  routing_=RoutingControl.WRITE)
        return [plain_row(r) for r in records]

    def autocommit(self, query: str, timeout: float = BATCHED_TIMEOUT, **params: Any) -> None:
        """Run in an auto-commit transaction (needed by `CALL { … } IN TRANSACTIONS`). Its inner
        transactions commit as they go; the outer one may outlast the server's transaction timeout (a
        province's millions of rows): it is given `timeout` seconds instead."""
        with self.session() as session:
            session.run(neo4j.Query(query, timeout=timeout), params).consume()

    def searchable(self) -> None:
        """Wait until the full-text index (eventually consistent: kb.schema) holds every committed write:
        called by whatever wrote what search reads, before it says it is done."""
        with self.session() as session:
            session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume()

    def verify(self) -> None:
        """Raise the driver's error when the server does not answer or refuses the login."""
        self.driver.verify_connectivity()

    @contextmanager
    def transaction(self, timeout: float | None = None) -> Iterator[neo4j.Transaction]:
        """One explicit write transaction: committed when the block ends, rolled back when it raises."""
        with self.session() as session, session.begin_transaction(timeout=timeout) as tx:
            yield tx

    def write_retrying(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        """`work(tx)` in a managed write transaction, retried by the driver on transient errors."""
        with self.session() as session:
            return session.execute_write(work)

    @contextmanager
    def session(self, read_only: bool = False, **kwargs: Any) -> Iterator[neo4j.Session]:
        mode = neo4j.READ_ACCESS if read_only else neo4j.WRITE_ACCESS
        with self.driver.session(database=self.database, default_access_mode=mode, **kwargs) as session:
            yield session
