"""The saved-query library: headers, parameters and the loader (no database)."""
from __future__ import annotations

from importlib import resources

import pytest

from queries import loader

GOOD = """// name: sample
// title: 示例
// title_en: Sample
// description: 说明
// description_en: Description
// params:
//   department: str = 克拉玛依市交通运输局
//     choices: MATCH (d:Department) RETURN d.name AS value
//   limit: int = 10
//   strict: bool = false
// read_only: true
MATCH (d:Department {name: $department}) // $ignored in a comment
WHERE $strict = false OR d.name <> '$not_a_param'
RETURN d.name LIMIT $limit
"""


def test_parse_header_params_and_body() -> None:
    q = loader.parse(GOOD, "browse")
    assert (q.name, q.title, q.title_en, q.read_only) == ("sample", "示例", "Sample", True)
    assert [(p.name, p.type, p.default) for p in q.params] == [
        ("department", "str", "克拉玛依市交通运输局"), ("limit", "int", 10), ("strict", "bool", False)]
    assert q.params[0].choices_query.startswith("MATCH (d:Department)")
    assert q.cypher.startswith("MATCH")
    assert q.bind({"limit": "5", "strict": "true"}) == {"department": "克拉玛依市交通运输局", "limit": 5, "strict": True}


def test_bind_refuses_unknown_and_badly_typed_values() -> None:
    q = loader.parse(GOOD, "browse")
    with pytest.raises(loader.QueryError, match="没有参数"):
        q.bind({"bogus": "1"})
    with pytest.raises(loader.QueryError, match="应为 int"):
        q.bind({"limit": "ten"})


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("LIMIT $limit", "LIMIT 5"), "声明了但未用到：limit"),
    (lambda t: t.replace("RETURN d.name", "RETURN d.name, $extra"), "用到但未声明：extra"),
    (lambda t: t.replace("// title_en: Sample\n", ""), "文件头缺少 title_en"),
    (lambda t: t.replace("// read_only: true", "// readonly: true"), "应为 `// 键: 值`"),
])
def test_malformed_files_are_refused(edit, message) -> None:
    with pytest.raises(loader.QueryError, match=message):
        loader.parse(edit(GOOD), "browse")


def test_library_has_every_area_and_at_least_30_queries() -> None:
    qs = loader.load_all()
    assert len(qs) >= 30
    assert set(loader.areas()) == set(loader.AREAS)
    assert all(q.read_only and q.title and q.title_en and q.description and q.description_en for q in qs)
    assert loader.get("overlaps/shared_articles").area == "overlaps"
    assert loader.get("shared_articles") == loader.get("overlaps/shared_articles")
    with pytest.raises(KeyError):
        loader.get("no_such_query")


def test_area_folders_are_packages() -> None:
    for area in loader.AREAS:
        assert resources.files("queries").joinpath(area, "__init__.py").is_file()
