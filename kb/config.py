"""One settings object: where the database is, how to log in, where local state lives.

Two modes:
- managed: no NEO4J_PASSWORD in the environment. kb runs its own Neo4j server under KB_HOME on the
  port in NEO4J_URI and keeps a generated password in KB_HOME/kb.toml (mode 0600).
- external: NEO4J_PASSWORD is set. NEO4J_URI / NEO4J_USER / NEO4J_DATABASE point at a server kb does
  not manage (Neo4j Desktop, Docker, Aura, a cluster).
"""
from __future__ import annotations

import os
import secrets
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

NEO4J_VERSION = "5.26.30"  # keep in step with neo4j/pom.xml
DEFAULT_URI = "bolt://127.0.0.1:7687"

# Suits a 2-core / 24 GiB machine; every value can be changed in KB_HOME/kb.toml [neo4j].
DEFAULT_SERVER_SETTINGS: dict[str, str] = {
    "heap_initial": "1g",
    "heap_max": "4g",
    "pagecache": "2g",
    "transaction_memory_max": "2g",  # one transaction (a whole imported file is one)
    "transaction_memory_total": "3g",
    "transaction_timeout": "120s",
    # transaction logs kept beyond what recovery needs: by size, not Neo4j's "2 days" (a province's import writes
    # about 15 GB of them; re-imported twice in two days it filled a disk)
    "transaction_logs": "2G size",
    "jvm_options": "",  # more flags for the server's JVM, as written (the test servers': tests/conftest.py)
    # how long a query plan is kept before the data's changed statistics may make Neo4j plan it again (its own default
    # 10s: right where imports grow the data); the test servers, emptied and filled again by every test, keep theirs
    "replan_interval": "10s",
    # whether the indexes' statistics are sampled again in the background as the data changes (Neo4j's default; the
    # test servers do not: a fifteenth of their CPU, and their results do not depend on the plans). An import and a
    # restore sample what they changed themselves, whatever this says (kb.schema.resample)
    "index_sampling": "true",
    # whether a query is planned again for each new size of a list it is given (Neo4j's internal
    # cypher.use_parameter_size, on by default: the sizes help it estimate an UNWIND); the test servers do not (each
    # batch of a test's import had its writing query planned again, 2 s each: docs/performance.md)
    "plan_by_list_size": "true",
}


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kb"


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kb"


@dataclass
class Settings:
    home: Path
    uri: str
    user: str
    password: str
    database: str
    external: bool
    neo4j_lib: Path  # shared jar cache, not per KB_HOME
    server: dict[str, str] = field(default_factory=dict)

    @property
    def config_file(self) -> Path:
        return self.home / "kb.toml"

    @property
    def server_home(self) -> Path:
        return self.home / "neo4j"

    @property
    def bolt_host(self) -> str:
        return urlsplit(self.uri).hostname or "127.0.0.1"

    @property
    def bolt_port(self) -> int:
        return urlsplit(self.uri).port or 7687


def _read_toml(path: Path) -> dict:
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _toml_value(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_local_config(path: Path, password: str, server: dict[str, str]) -> None:
    """Write KB_HOME/kb.toml with mode 0600 (it holds the generated password)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# kb local settings (generated; edit the [neo4j] values to tune the managed server)",
             "[neo4j]", f"password = {_toml_value(password)}"]
    lines += [f"{key} = {_toml_value(val)}" for key, val in server.items()]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)


def load_settings(create: bool = False) -> Settings:
    """Settings from the environment and KB_HOME/kb.toml.

    With ``create`` (used by `kb db start`), a managed home gets its kb.toml and password generated.
    """
    # absolute and normalised (Neo4j refuses a home given as a/../b or relative to where kb was started)
    home = Path(os.path.abspath(Path(os.environ.get("KB_HOME") or _default_home()).expanduser()))
    cache = Path(os.path.abspath(Path(os.environ.get("KB_CACHE") or _default_cache()).expanduser()))
    lib = Path(os.environ.get("KB_NEO4J_LIB") or cache / f"neo4j-{NEO4J_VERSION}" / "lib")
    uri = os.environ.get("NEO4J_URI") or DEFAULT_URI
    user = os.environ.get("NEO4J_USER") or "neo4j"
    database = os.environ.get("NEO4J_DATABASE") or "neo4j"
    env_password = os.environ.get("NEO4J_PASSWORD")
    if env_password:
        return Settings(home, uri, user, env_password, database, True, lib, {})

    config_file = home / "kb.toml"
    stored = _read_toml(config_file).get("neo4j", {})
    server = {**DEFAULT_SERVER_SETTINGS, **{k: str(v) for k, v in stored.items() if k != "password"}}
    password = stored.get("password", "")
    if not password and create:
        password = "kb" + secrets.token_hex(20)  # never starts with "-" (read as an option)
        write_local_config(config_file, password, server)
    return Settings(home, uri, user, password, database, False, lib, server)
