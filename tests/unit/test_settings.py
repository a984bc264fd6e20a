"""Settings from the environment (kb.config)."""
from __future__ import annotations

from kb.config import NEO4J_VERSION, load_settings


def test_a_home_given_with_dot_dot_or_relative_is_made_absolute_and_normal(tmp_path, monkeypatch) -> None:
    # Neo4j refuses a home that is not a normalised path ('/tmp/a/../b/neo4j' is not a normalized path)
    (tmp_path / "a").mkdir()
    monkeypatch.setenv("KB_HOME", str(tmp_path / "a" / ".." / "b"))
    assert load_settings().home == tmp_path / "b"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KB_HOME", "c")
    monkeypatch.setenv("KB_CACHE", "./d/../e")  # the Neo4j jars are found under it
    monkeypatch.delenv("KB_NEO4J_LIB", raising=False)
    settings = load_settings()
    assert (settings.home, settings.neo4j_lib.parent) == (tmp_path / "c", tmp_path / "e" / f"neo4j-{NEO4J_VERSION}")


def test_a_collector_named_in_jvm_options_takes_the_place_of_g1() -> None:
    """The JVM refuses to start with two collectors: kb's G1 is passed only when kb.toml's jvm_options name none."""
    from types import SimpleNamespace

    from kb.server import jvm_options

    def flags(extra: str) -> list[str]:
        return jvm_options(SimpleNamespace(server={"heap_initial": "512m", "heap_max": "2g", "jvm_options": extra}))

    assert "-XX:+UseG1GC" in flags("") and "-XX:+UseG1GC" in flags("-XX:TieredStopAtLevel=1")
    serial = flags("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
    assert "-XX:+UseSerialGC" in serial and not any(f.endswith("G1GC") for f in serial)
    assert [f for f in flags("-XX:+UseZGC") if f.endswith("GC")] == ["-XX:+UseZGC"]
