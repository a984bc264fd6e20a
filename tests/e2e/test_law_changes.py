"""A new version of a law queues the powers citing what it changed; as-of answers from the versions
in force on a date. Real Neo4j (the scratch server), the real 安全生产法 text and a modified copy."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA, ManagedServer

pytestmark = pytest.mark.e2e

LAW_2021 = SHARED_DATA / "laws" / "安全生产法(2021-06-10).md"
DEPT = "宁乡市应急管理局"
BASE = {"权力类型": "行政处罚", "责任事项": "1.立案责任：依法立案。", "追责对象范围": "具体承办人", "追责情形": "未依法履职的"}


def kb(srv: ManagedServer, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=srv.env, capture_output=True, text=True,
                          timeout=300, check=False)


def a_list(path: Path, version: str, records: list[dict], department: str = DEPT) -> Path:
    path.write_text(json.dumps({"title": f"{department}{version}年权责清单", "department": department,
                                "jurisdiction": "宁乡市", "records": records}, ensure_ascii=False), encoding="utf-8")
    return path


def modified_law(path: Path) -> Path:
    """The 2021 text with 第一百一十八条 moved to 第一百二十条, 第九十条 repealed, 第六十二条 changed."""
    lines = LAW_2021.read_text(encoding="utf-8").splitlines()

    def block(label: str) -> tuple[int, int]:
        i = next(i for i, line in enumerate(lines) if line.startswith(label + " "))
        j = next((k for k in range(i + 1, len(lines)) if re.match(r"^第\S+条 ", lines[k]) or lines[k].startswith("#")),
                 len(lines))
        return i, j

    i, j = block("第一百一十八条")
    moved = lines[i:j]
    del lines[i:j]
    i, j = block("第九十条")
    del lines[i:j]
    lines += ["", moved[0].replace("第一百一十八条", "第一百二十条", 1), *moved[1:]]
    i = next(i for i, line in enumerate(lines) if line.startswith("第六十二条 "))
    lines[i] = lines[i].replace("应当", "必须").replace("监督检查", "执法检查") + "具体办法由国务院应急管理部门制定。"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def citing(article: str, name: str) -> dict:
    return BASE | {"事项名称": name, "实施依据": f"《中华人民共和国安全生产法》{article}"}


POWERS = {62: "对未按规定开展监督检查的处罚", 90: "对第九十条情形的处罚", 118: "对第一百一十八条情形的处罚",
          10: "对第十条情形的处罚"}
LABELS = {62: "第六十二条", 90: "第九十条", 118: "第一百一十八条", 10: "第十条"}


def test_a_new_version_queues_the_powers_citing_changed_renumbered_and_repealed_articles(
        scratch_server: ManagedServer, tmp_path: Path) -> None:
    records = [citing(LABELS[n], name) for n, name in POWERS.items()]
    out = kb(scratch_server, "import", str(LAW_2021), str(a_list(tmp_path / f"{DEPT}2024年权责清单.json", "2024", records)))
    assert out.returncode == 0, out.stderr
    new = modified_law(tmp_path / "安全生产法(2025-01-01).md")
    out = kb(scratch_server, "import", "--json", str(new))
    assert out.returncode == 0, out.stderr
    [law] = json.loads(out.stdout)["files"]
    assert (law["status"], law["current"], law["reviews"]) == ("imported", True, 3)

    queue = json.loads(kb(scratch_server, "laws", "impact", "安全生产法", "--json").stdout)
    assert [v["date"] for v in queue["versions"]] == ["2021-06-10", "2025-01-01"]
    items = {r["article"]: r for r in queue["reviews"]}
    assert set(items) == {62, 90, 118}  # 第十条 did not change
    assert {n: (r["change"], r["likely_article"], r["power_name"]) for n, r in items.items()} == {
        62: ("changed", 62, POWERS[62]), 90: ("repealed", None, POWERS[90]), 118: ("renumbered", 120, POWERS[118])}
    assert "具体办法由国务院应急管理部门制定" in items[62]["new_text"] and "具体办法" not in items[62]["old_text"]
    assert items[90]["old_text"] and not items[90]["new_text"]
    assert items[118]["old_text"] == items[118]["new_text"]
    assert all(r["status"] == "open" and r["department"] == DEPT for r in items.values())
    text = kb(scratch_server, "laws", "impact", "安全生产法").stdout
    assert f"{DEPT}「{POWERS[118]}」" in text and "条号变动" in text and "第一百二十条" in text

    # the graph keeps both versions; the Article nodes are the new text's
    g = scratch_server.graph
    assert g.read("MATCH (:Law {key:'安全生产法'})-[:HAS_VERSION]->(v)-[:HAS_TEXT]->(t {number: 90}) "
                  "RETURN v.date AS d") == [{"d": "2021-06-10"}]
    assert not g.read("MATCH (a:Article {key:'安全生产法#90'}) RETURN a")

    # resolving: follow the renumbering, confirm the changed article
    assert kb(scratch_server, "laws", "resolve", items[118]["key"], "--by", "张三", "--article", "第一百二十条").returncode != 0
    out = kb(scratch_server, "laws", "resolve", items[118]["key"], "--by", "张三", "--article", "第一百二十条",
             "--note", "条文重新编号")
    assert out.returncode == 0, out.stderr
    out = kb(scratch_server, "laws", "resolve", items[62]["key"], "--by", "李四", "--note", "内容仍适用")
    assert out.returncode == 0, out.stderr
    assert kb(scratch_server, "laws", "resolve", items[90]["key"], "--by", "", "--note", "x").returncode != 0
    done = {r["article"]: r for r in json.loads(kb(scratch_server, "laws", "impact", "安全生产法", "--json").stdout)["reviews"]}
    assert (done[118]["status"], done[118]["resolved_by"], done[118]["resolved_article"]) == ("changed", "张三", 120)
    assert (done[62]["status"], done[62]["resolved_by"], done[62]["note"]) == ("confirmed", "李四", "内容仍适用")
    assert done[90]["status"] == "open" and done[118]["resolved_at"]
    audited = scratch_server.graph.read("MATCH (e:Edit {entity_label: 'LawReview'}) RETURN e.who AS who, e.after AS a "
                                        "ORDER BY a")
    assert sorted(audited, key=lambda e: e["a"]) == sorted([{"who": "李四", "a": "确认引用第六十二条"},
                                                            {"who": "张三", "a": "改引第一百二十条"}], key=lambda e: e["a"])
    rows = g.read("MATCH (p:Power {name: $n})-[c:CITES]->(:Law {key:'安全生产法'}) OPTIONAL MATCH (p)-[:BASED_ON]->(a) "
                  "RETURN c.article AS article, c.article_label AS label, a.key AS based_on", n=POWERS[118])
    assert rows == [{"article": 120, "label": "第一百二十条", "based_on": "安全生产法#120"}]

    # the same text again changes nothing; an older text loaded later is history only
    assert json.loads(kb(scratch_server, "import", "--json", str(new)).stdout)["files"][0]["status"] == "unchanged"
    assert len(json.loads(kb(scratch_server, "laws", "impact", "安全生产法", "--json").stdout)["reviews"]) == 3


def _app(graph):
    import secrets

    from webui import create_app

    return create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16)})


def test_the_law_page_shows_the_queue_and_an_editor_resolves_an_item(scratch_server: ManagedServer,
                                                                    tmp_path: Path) -> None:
    from tests.e2e.conftest import csrf_token, login
    from webui.users import add_user

    records = [citing(LABELS[n], name) for n, name in POWERS.items()]
    kb(scratch_server, "import", str(LAW_2021), str(a_list(tmp_path / f"{DEPT}2024年权责清单.json", "2024", records)))
    assert kb(scratch_server, "import", str(modified_law(tmp_path / "安全生产法(2025-01-01).md"))).returncode == 0
    client = _app(scratch_server.graph).test_client()
    data = client.get("/impact/安全生产法.json").get_json()
    assert data["counts"] == {"open": 3, "confirmed": 0, "changed": 0}
    html = client.get("/impact/安全生产法").get_data(as_text=True)
    assert POWERS[118] in html and "resolve-form" not in html  # anonymous readers see no form
    assert "/impact/" in client.get("/laws/安全生产法").get_data(as_text=True)
    add_user(scratch_server.graph, "编辑甲", "a-long-password-1", "editor")
    login(client, "编辑甲", "a-long-password-1")
    page = client.get("/impact/安全生产法").get_data(as_text=True)
    item = next(r for r in data["reviews"] if r["article"] == 118)
    assert client.post("/impact-resolve", data={"key": item["key"], "article": "120"}).status_code == 400  # no CSRF
    out = client.post("/impact-resolve", data={"key": item["key"], "article": "120", "csrf_token": csrf_token(page)})
    assert out.status_code == 302  # no reason: nothing resolved
    assert client.get("/impact/安全生产法.json").get_json()["counts"]["open"] == 3
    out = client.post("/impact-resolve", data={"key": item["key"], "article": "120", "note": "随条号调整",
                                                "csrf_token": csrf_token(page)})
    assert out.status_code == 302
    done = {r["article"]: r for r in client.get("/impact/安全生产法.json").get_json()["reviews"]}
    assert (done[118]["status"], done[118]["resolved_by"], done[118]["resolved_article"]) == ("changed", "编辑甲", 120)

    def cited() -> list[int]:
        rows = scratch_server.graph.read("MATCH (p:Power {key: $k})-[c:CITES]->(:Law {key: '安全生产法'}) "
                                         "RETURN c.article AS a, c.article_key AS key", k=item["power_key"])
        # the article's key follows the number (the powers citing an article are found by it)
        assert all(r["key"] == f"安全生产法#{r['a']}" for r in rows), rows
        return [r["a"] for r in rows]

    assert cited() == [120]
    # The resolution is in the audit trail, and an admin reverts it: the citation and the queue as before.
    entry = next(e for e in client.get("/edits.json").get_json()["edits"] if e["entity_label"] == "LawReview")
    assert (entry["who"], entry["field"], entry["before"], entry["after"], entry["reason"]) == \
        ("编辑甲", "citation", "第一百一十八条", "改引第一百二十条", "随条号调整")
    trail = client.get("/edits").get_data(as_text=True)
    assert "引用复核" in trail and POWERS[118] in trail and "/impact/" in trail
    add_user(scratch_server.graph, "管理员乙", "a-long-password-2", "admin")
    admin = _app(scratch_server.graph).test_client()
    login(admin, "管理员乙", "a-long-password-2")
    page = admin.get(f"/edits/{entry['id']}").get_data(as_text=True)
    assert POWERS[118] in page and 'id="revert-form"' in page
    assert admin.post(f"/edits/{entry['id']}/revert", data={"reason": "条号判断有误",
                                                            "csrf_token": csrf_token(page)}).status_code == 302
    assert cited() == [118]
    done = {r["article"]: r for r in client.get("/impact/安全生产法.json").get_json()["reviews"]}
    assert done[118]["status"] == "open" and not done[118]["resolved_by"]
    assert scratch_server.graph.read("MATCH (e:Edit {reverts: $id}) RETURN e.who AS who, e.after AS after",
                                     id=entry["id"]) == [{"who": "管理员乙", "after": "待复核第一百一十八条"}]


def test_other_version_says_where_a_cited_older_article_went_as_the_queue_does(scratch_server: ManagedServer,
                                                                               tmp_path: Path) -> None:
    """A list citing the 2021 text by its date, after the 2025 text is loaded: other_version compares the kept
    2021 text with the loaded one as the review queue does (第一百一十八条 is now 第一百二十条)."""
    from kb.analyses import gaps

    dated = "《中华人民共和国安全生产法》（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议修正）第一百一十八条"
    records = [BASE | {"事项名称": POWERS[118], "实施依据": dated}]
    kb(scratch_server, "import", str(LAW_2021), str(a_list(tmp_path / f"{DEPT}2024年权责清单.json", "2024", records)))
    assert kb(scratch_server, "import", str(modified_law(tmp_path / "安全生产法(2025-01-01).md"))).returncode == 0
    found = [f for f in gaps.find(scratch_server.graph) if f.kind == "other_version"]
    assert len(found) == 1, [f.summary for f in found]
    evidence = found[0].evidence[0]
    assert (evidence["compared_with"], evidence["version_change"], evidence["now_at"]) == \
        ("2021-06-10", "条号变动", "第一百二十条")


def test_as_of_answers_from_the_list_versions_in_force_on_the_date(scratch_server: ManagedServer,
                                                                   tmp_path: Path) -> None:
    old = a_list(tmp_path / f"{DEPT}2024年权责清单.json", "2024", [BASE | {"事项名称": "对危险物品旧规定的处罚"}])
    new = a_list(tmp_path / f"{DEPT}2025年权责清单.json", "2025", [BASE | {"事项名称": "对危险物品新规定的处罚"}])
    assert kb(scratch_server, "import", str(old)).returncode == 0
    assert kb(scratch_server, "import", "--in-force-from", "2025-03-01", str(new)).returncode == 0
    assert kb(scratch_server, "import", "--in-force-from", "2025-3-1", str(new)).returncode != 0
    versions = scratch_server.graph.read("MATCH (v:ListVersion) RETURN v.version AS v, v.in_force_from AS f, "
                                         "v.in_force_until AS u ORDER BY v.version")
    assert versions == [{"v": "2024", "f": "2024-01-01", "u": "2025-03-01"}, {"v": "2025", "f": "2025-03-01", "u": None}]

    def powers(*extra: str) -> list[str]:
        out = kb(scratch_server, "query", "run", "powers_by_department", "-p", f"department={DEPT}", "--format", "json",
                 *extra)
        assert out.returncode == 0, out.stderr
        return [r["power"] for r in json.loads(out.stdout)]

    assert powers() == ["对危险物品新规定的处罚"]
    assert powers("--as-of", "2024-06-01") == ["对危险物品旧规定的处罚"]
    assert powers("--as-of", "2025-02-28") == ["对危险物品旧规定的处罚"]
    assert powers("--as-of", "2025-06-01") == ["对危险物品新规定的处罚"]
    assert kb(scratch_server, "query", "run", "things", "--as-of", "2024-06-01").returncode != 0  # no as_of

    client = _app(scratch_server.graph).test_client()

    def found(as_of: str = "") -> list[str]:
        data = client.get("/search.json", query_string={"q": "危险物品", "as_of": as_of}).get_json()
        return [h["name"] for h in data["results"] if h["label"] == "Power"]

    assert found() == ["对危险物品新规定的处罚"]
    assert found("2024-06-01") == ["对危险物品旧规定的处罚"]
    assert found("2025-06-01") == ["对危险物品新规定的处罚"]
    assert client.get("/search.json", query_string={"q": "危险物品", "as_of": "June"}).status_code == 400
