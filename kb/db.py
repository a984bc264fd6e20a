"""The one place that opens connections and sessions to Neo4j."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Self

import neo4j
from kb.config import Settings, load_settings
from neo4j import GraphDatabase, RoutingControl


class NotConfigured(RuntimeError):
    pass


def connect(settings: Settings) -> neo4j.Driver:
    if not settings.password:
        raise NotConfigured(f"no password for {settings.uri}: run `kb db start` (managed) or set NEO4J_PASSWORD")
    return GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password),
                                connection_timeout=10, max_connection_lifetime=3600,
                                notifications_min_severity="OFF")


class Graph:
    """A driver bound to one database. Injected everywhere; nothing holds a global driver."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j"):
        self.driver = driver
        self.database = database

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Graph:
        settings = settings or load_settings()
        return cls(connect(settings), settings.database)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, query: str, **params: Any) -> list[dict]:
        records, _, _ = self.driver.execute_query(query, params, database_=self.database,
                                                  routing_=RoutingControl.READ)
        return [r.data() for r in records]

    def write(self, query: str, **params: Any) -> list[dict]:
        records, _, _ = self.driver.execute_query(query, params, database_=self.database,
                                                  routing_=RoutingControl.WRITE)
        return [r.data() for r in records]

    def autocommit(self, query: str, **params: Any) -> None:
        """Run in an auto-commit transaction (needed by `CALL { … } IN TRANSACTIONS`)."""
        with self.session() as session:
            session.run(query, params).consume()

    @contextmanager
    def session(self, read_only: bool = False, **kwargs: Any) -> Iterator[neo4j.Session]:
        mode = neo4j.READ_ACCESS if read_only else neo4j.WRITE_ACCESS
        with self.driver.session(database=self.database, default_access_mode=mode, **kwargs) as session:
            yield session
