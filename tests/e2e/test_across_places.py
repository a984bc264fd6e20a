"""Across places (issue 10 §5): who exercises the same power elsewhere (the saved query, the power page,
`kb compare`), the rule `assignment_differs`, and `kb chain` / `/chain/` from a power code.

Two cities of two provinces that ../shared/data does not have, each with lists written here: 西安
gives 《消防法》第六十条 to its 公安局, 银川 to its 消防救援支队 (one finding); both give 第六十一条 to a
公安局 (no finding); both cite 《行政处罚法》第八条 with different bodies (procedural: no finding).
"""
from __future__ import annotations

import json
import secrets
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import ManagedServer, write_xlsx
from tests.conftest import run_kb as _kb

HEADER = ["序号", "事项名称", "子项名称", "权力类型", "权力编码", "基本编码", "实施依据", "行使主体", "责任事项内容",
          "追责情形", "备注"]
ART60 = "【法律】《中华人民共和国消防法》第六十条 单位违反本法规定，有下列行为之一的，责令改正，处五千元以上五万元以下罚款……"
ART61 = "【法律】《中华人民共和国消防法》第六十一条 生产、储存、经营易燃易爆危险品的场所与居住场所设置在同一建筑物内……"
PROC = "【法律】《中华人民共和国行政处罚法》第八条 公民、法人或者其他组织因违法行为受到行政处罚……"
CATALOGUE = "000160001000"




def _xlsx(path: Path, title: str, rows: list[list[str]]) -> Path:
    return write_xlsx(path, title, HEADER, rows)


def _lists(folder: Path) -> list[Path]:
    xian = _xlsx(folder / "西安市公安局2024年权责清单.xlsx", "西安市公安局2024年权责清单", [
        ["1", "对占用消防车通道的处罚", "", "行政处罚", "610100207CF51300", CATALOGUE, ART60 + "\n" + PROC,
         "西安市公安局", "1.立案责任", "未依法立案的", ""],
        ["2", "对擅自停用消防设施的处罚", "", "行政处罚", "610100207CF51400", "", ART61, "市公安局", "1.立案责任",
         "未依法立案的", ""],
        ["3", "对单位消防安全的监督检查", "", "行政检查", "610100207JC00100", "", ART60, "西安市公安局", "1.检查责任",
         "未依法检查的", ""],
        ["4", "户口登记", "", "行政确认", "610100207QR00100", "", "【行政法规】《中华人民共和国户口登记条例》第六条",
         "西安市公安局", "1.受理责任", "", ""],
    ])
    fire = _xlsx(folder / "银川市消防救援支队2024年权责清单.xlsx", "银川市消防救援支队2024年权责清单", [
        ["1", "对占用、堵塞消防车通道的行政处罚", "", "行政处罚", "640100207CF51300", CATALOGUE, ART60 + "\n" + PROC,
         "银川市消防救援支队", "1.立案责任", "未依法立案的", ""],
    ])
    police = _xlsx(folder / "银川市公安局2024年权责清单.xlsx", "银川市公安局2024年权责清单", [
        ["1", "对停用消防设施的行政处罚", "", "行政处罚", "640100207CF51400", "", ART61 + "\n" + PROC, "银川市公安局",
         "1.立案责任", "未依法立案的", ""],
    ])
    return [xian, fire, police]


@pytest.fixture(scope="module")
def two_cities(servers: dict[str, ManagedServer], tmp_path_factory) -> dict:
    """The three lists imported one by one (each import stores the findings of its own tree), and the
    key of every power by name."""
    from kb import dump
    from tests.conftest import settle_background_findings

    srv = servers["scratch"]
    settle_background_findings()
    dump.clear(srv.graph)
    folder = tmp_path_factory.mktemp("two-cities")
    for path in _lists(folder):
        proc = _kb(srv, "import", "--json", str(path))
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["files"][0]["status"] == "imported"
    keys = {r["name"]: r["key"] for r in srv.graph.read("MATCH (p:Power) WHERE p.current RETURN p.name AS name, p.key AS key")}
    yield {"server": srv, "graph": srv.graph, "keys": keys}
    settle_background_findings()
    dump.clear(srv.graph)


def _client(graph):
    from webui import create_app

    return create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_BACKGROUND_FINDINGS": False}).test_client()


def test_the_lists_land_in_two_cities_of_two_provinces(two_cities) -> None:
    rows = two_cities["graph"].read("MATCH (d:Department)-[:IN_JURISDICTION]->(j)-[:WITHIN]->(up) "
                                    "RETURN d.name AS d, j.name AS j, j.level AS level, up.name AS up ORDER BY d")
    assert [(r["d"], r["j"], r["level"], r["up"]) for r in rows] == [
        ("西安市公安局", "西安市", "city", "陕西省"), ("银川市公安局", "银川市", "city", "宁夏回族自治区"),
        ("银川市消防救援支队", "银川市", "city", "宁夏回族自治区")]


def test_one_article_two_kinds_of_body_is_one_finding_with_both_sides(two_cities) -> None:
    proc = _kb(two_cities["server"], "check", "consistency", "--json")
    assert proc.returncode == 0, proc.stderr
    found = [f for f in json.loads(proc.stdout) if f["kind"] == "assignment_differs"]
    assert len(found) == 1, [f["summary"] for f in found]
    [f] = found
    assert (f["kind_title"], f["area"], f["level"]) == ("各地行使主体不同", "consistency", "city")
    assert "消防法" in f["summary"] and "第六十条" in f["summary"]
    assert "公安局（西安市）" in f["summary"] and "消防救援支队（银川市）" in f["summary"]
    keys = two_cities["keys"]
    sides = {(e["jurisdiction"], e["body_kind"], e["department"], e["power"], e["power_key"]) for e in f["evidence"]}
    assert sides == {
        ("西安市", "公安局", "西安市公安局", "对占用消防车通道的处罚", keys["对占用消防车通道的处罚"]),
        ("西安市", "公安局", "西安市公安局", "对单位消防安全的监督检查", keys["对单位消防安全的监督检查"]),
        ("银川市", "消防救援支队", "银川市消防救援支队", "对占用、堵塞消防车通道的行政处罚",
         keys["对占用、堵塞消防车通道的行政处罚"]),
    }
    assert all(e["law"] == "《中华人民共和国消防法》" and e["article"] == "第六十条" for e in f["evidence"])
    assert f["departments"] == ["西安市公安局", "银川市消防救援支队"]
    assert f["counts"]["kinds"] == {"公安局": ["西安市"], "消防救援支队": ["银川市"]}
    # the same kind of body in both places (第六十一条), or a procedural law (行政处罚法): nothing
    assert not any("第六十一条" in x["summary"] or "行政处罚法" in x["summary"] for x in found)
    # the text report names the article and both sides
    text = _kb(two_cities["server"], "check", "consistency", "--kind", "assignment_differs").stdout
    assert "各地行使主体不同" in text and "西安市（公安局）：西安市公安局「对占用消防车通道的处罚」" in text
    assert "银川市（消防救援支队）：银川市消防救援支队" in text


def test_the_finding_is_stored_by_the_import_and_shown_in_the_reports(two_cities) -> None:
    """The last import recomputed only 宁夏's tree, yet the finding across the two provinces is stored."""
    graph = two_cities["graph"]
    stored = graph.read("MATCH (f:StoredFinding {kind: 'assignment_differs'}) RETURN f.id AS id, f.summary AS summary")
    assert len(stored) == 1 and "消防救援支队（银川市）" in stored[0]["summary"]
    # recomputing one tree leaves it; the whole-graph pass keeps exactly one
    from kb.analyses import stored as store

    store.refresh(graph, ["陕西省"])
    assert graph.read("MATCH (f:StoredFinding {kind: 'assignment_differs'}) RETURN f.id AS id") == [{"id": stored[0]["id"]}]
    client = _client(graph)
    index = client.get("/reports").get_data(as_text=True)
    assert "各地行使主体不同" in index
    area = client.get("/reports/consistency").get_data(as_text=True)
    assert "各地行使主体不同" in area and f"/reports/finding/{stored[0]['id']}" in area
    page = client.get(f"/reports/finding/{stored[0]['id']}").get_data(as_text=True)
    keys = two_cities["keys"]
    for name in ("对占用消防车通道的处罚", "对占用、堵塞消防车通道的行政处罚"):
        assert f'href="/powers/{quote(keys[name], safe="")}"' in page or f'href="/powers/{keys[name]}"' in page
    assert "消防救援支队" in page and "西安市公安局" in page
    # each power named by its name, a link to its page: its key (西安市公安局|2024|…#00000) not shown
    assert not [k for k in keys.values() if f">{k}<" in page] and "权力键" not in page and "Power key" not in page
    # kb check --stored with a place in one of the provinces finds it
    text = _kb(two_cities["server"], "check", "consistency", "--stored", "-j", "西安市", "--json").stdout
    assert [f["kind"] for f in json.loads(text)].count("assignment_differs") == 1
    printed = _kb(two_cities["server"], "check", "consistency", "--stored", "-j", "西安市").stdout
    assert "西安市公安局「对占用消防车通道的处罚」" in printed and not [k for k in keys.values() if k in printed]
    # and so does the browser's report of a place it names (or the province it is in), as the CLI's
    for place in ("西安市", "610000", "银川市"):
        listed = client.get(f"/reports/consistency.json?jurisdiction={quote(place)}").get_json()["findings"]
        assert [f["id"] for f in listed if f["kind"] == "assignment_differs"] == [stored[0]["id"]], place
    elsewhere = client.get(f"/reports/consistency.json?jurisdiction={quote('湖南省')}").get_json()["findings"]
    assert not [f for f in elsewhere if f["kind"] == "assignment_differs"]


def test_the_saved_query_lists_the_powers_elsewhere_and_why(two_cities) -> None:
    from queries import loader

    graph, keys = two_cities["graph"], two_cities["keys"]
    rows = loader.run(graph, "elsewhere", {"key": keys["对占用消防车通道的处罚"]}).rows
    assert [(r["place"], r["level"], r["department"], r["power"], r["code"]) for r in rows] == [
        ("银川市", "city", "银川市消防救援支队", "对占用、堵塞消防车通道的行政处罚", "640100207CF51300")]
    assert sorted(rows[0]["matches"]) == ["article", "catalogue"]
    assert set(rows[0]["details"]) == {CATALOGUE, "《中华人民共和国消防法》第六十条"}
    # by the article and the type alone
    [row] = loader.run(graph, "elsewhere", {"key": keys["对擅自停用消防设施的处罚"]}).rows
    assert (row["department"], row["matches"]) == ("银川市公安局", ["article"])
    # the same article for another type of power, and a power cited nowhere else: nobody
    assert loader.run(graph, "elsewhere", {"key": keys["对单位消防安全的监督检查"]}).rows == []
    assert loader.run(graph, "elsewhere", {"key": keys["户口登记"]}).rows == []
    # the limit bounds it
    assert loader.run(graph, "elsewhere", {"key": keys["对占用消防车通道的处罚"], "limit": 0}).rows == []


def test_the_power_page_shows_who_does_it_elsewhere(two_cities) -> None:
    client, keys = _client(two_cities["graph"]), two_cities["keys"]
    html = client.get(f"/powers/{quote(keys['对占用消防车通道的处罚'], safe='')}").get_data(as_text=True)
    assert "其他地方谁行使此项权力" in html
    table = html[html.index('id="elsewhere-table"'):]
    table = table[:table.index("</table>")]
    other = keys["对占用、堵塞消防车通道的行政处罚"]
    assert f'href="/powers/{quote(other, safe="/")}"' in table or f'href="/powers/{other}"' in table
    for text in ("银川市", "市级", "银川市消防救援支队", "对占用、堵塞消防车通道的行政处罚", "640100207CF51300",
                 "同一目录事项", CATALOGUE, "同一法条、同一类型", "《中华人民共和国消防法》第六十条"):
        assert text in table, text
    assert table.count("<tr>") == 2  # the header and one power
    data = client.get(f"/powers/{quote(keys['对占用消防车通道的处罚'], safe='')}.json").get_json()
    assert [(r["place"], r["key"], r["level_title"]) for r in data["elsewhere"]] == [("银川市", other, "市级")]
    alone = client.get(f"/powers/{quote(keys['户口登记'], safe='')}").get_data(as_text=True)
    assert 'id="elsewhere-none"' in alone and 'id="elsewhere-table"' not in alone
    assert 'id="elsewhere-more"' not in html  # one row, under the page's limit


def test_the_power_page_links_to_all_it_does_not_show(two_cities, monkeypatch) -> None:
    import html as html_lib
    import re

    from webui.views import powers

    monkeypatch.setattr(powers, "ELSEWHERE_LIMIT", 1)
    client, keys = _client(two_cities["graph"]), two_cities["keys"]
    page = client.get(f"/powers/{quote(keys['对占用消防车通道的处罚'], safe='')}").get_data(as_text=True)
    more = page[page.index('id="elsewhere-more"'):]
    assert "只显示前 1 项" in more and "查看全部（已保存的查询）" in more
    href = html_lib.unescape(re.search(r'href="([^"]+)"', more).group(1))
    assert href.startswith("/queries/chains/elsewhere?")
    listed = client.get(href).get_data(as_text=True)
    assert "银川市消防救援支队" in listed and "对占用、堵塞消防车通道的行政处罚" in listed


def test_kb_compare_prints_the_table_and_json(two_cities) -> None:
    srv = two_cities["server"]
    proc = _kb(srv, "compare", "610100207CF51300")
    assert proc.returncode == 0, proc.stderr
    assert "「对占用消防车通道的处罚」 西安市 · 市级 · 西安市公安局（行政处罚） · 编码 610100207CF51300" in proc.stdout
    assert ("银川市｜市级｜银川市消防救援支队｜对占用、堵塞消防车通道的行政处罚｜640100207CF51300｜"
            f"同一目录事项 {CATALOGUE}；同一法条、同一类型 《中华人民共和国消防法》第六十条") in proc.stdout
    data = json.loads(_kb(srv, "compare", "对擅自停用消防设施的处罚", "--json").stdout)
    assert data["matched"] == 1
    [entry] = data["powers"]
    assert entry["power"]["department"] == "西安市公安局"
    assert [(r["department"], r["power"], r["matches"]) for r in entry["elsewhere"]] == [
        ("银川市公安局", "对停用消防设施的行政处罚", ["article"])]
    # a catalogue code names the powers of both cities: each with the other
    data = json.loads(_kb(srv, "compare", CATALOGUE, "--json").stdout)
    assert {e["power"]["place"]: [r["place"] for r in e["elsewhere"]] for e in data["powers"]} == {
        "西安市": ["银川市"], "银川市": ["西安市"]}
    lonely = _kb(srv, "compare", "户口登记")
    assert lonely.returncode == 0 and "其他地方没有" in lonely.stdout
    missing = _kb(srv, "compare", "999999999XX00000")
    assert missing.returncode == 1 and "没有与「999999999XX00000」匹配的现行权力" in missing.stderr


def test_kb_chain_and_the_chain_page_take_a_power_code(two_cities) -> None:
    srv, keys = two_cities["server"], two_cities["keys"]
    proc = _kb(srv, "chain", "640100207CF51400", "--json")
    assert proc.returncode == 0, proc.stderr
    steps = json.loads(proc.stdout)
    assert [s["key"] for s in steps] == [keys["对停用消防设施的行政处罚"]]
    text = _kb(srv, "chain", "640100207CF51400").stdout
    assert "[市级] 银川市公安局：对停用消防设施的行政处罚（行政处罚）" in text
    missing = _kb(srv, "chain", "999999999XX00000")
    assert missing.returncode == 1 and "没有与「999999999XX00000」匹配的现行权力" in missing.stderr
    client = _client(two_cities["graph"])
    data = client.get("/chain/610100207CF51300.json").get_json()
    assert [s["key"] for s in data["steps"]] == [keys["对占用消防车通道的处罚"]]
    html = client.get("/chain/610100207CF51300").get_data(as_text=True)
    assert "对占用消防车通道的处罚" in html and 'id="chain-steps"' in html
    nothing = client.get("/chain/999999999XX00000")
    assert nothing.status_code == 404
    page = nothing.get_data(as_text=True)
    assert 'id="chain-not-found"' in page and "999999999XX00000" in page and "权力编码" in page


def test_citations_written_before_their_article_key_get_it_by_the_upgrade_and_by_a_restore(two_cities,
                                                                                          tmp_path) -> None:
    """The powers citing the same article are found by the citation's article key (CITES.article_key,
    law#N): the import writes it; citations an older kb wrote (schema 8) or exported have none, and
    the upgrade and a restore give it to them, so who does the same elsewhere is found again."""
    from kb import dump, schema
    from queries import loader

    graph, keys = two_cities["graph"], two_cities["keys"]

    def by_article() -> list[str]:
        return [r["department"] for r in loader.run(graph, "elsewhere", {"key": keys["对擅自停用消防设施的处罚"]}).rows]

    def keyed() -> list[tuple]:
        return sorted((r["law"], r["article"], r["key"]) for r in graph.read(
            "MATCH (:Power)-[c:CITES]->(l:Law) RETURN l.key AS law, c.article AS article, c.article_key AS key"))

    written = keyed()
    assert ("消防法", 61, "消防法#61") in written
    assert all(key == (f"{law}#{article}" if article is not None else None) for law, article, key in written)
    assert by_article() == ["银川市公安局"]
    graph.write("MATCH (:Power)-[c:CITES]->() REMOVE c.article_key")
    assert by_article() == []  # what a kb that wrote no keys would show
    graph.write("MATCH (m:KbMeta {name: 'schema'}) SET m.version = 8")
    # an import, the browser or a comparison on the older schema would miss the key: they refuse, and say
    # what to run
    for args in (("import", str(tmp_path / "nothing.json")), ("serve", "--port", "0"), ("compare", "户口登记")):
        proc = _kb(two_cities["server"], *args, timeout=120)
        said = f"模式版本 8 比这个 kb 的（{schema.SCHEMA_VERSION}）旧：请先运行 `kb db init`"
        assert proc.returncode == 1 and said in proc.stderr, args
    schema.init(graph)
    assert keyed() == written and by_article() == ["银川市公安局"]

    graph.write("MATCH (:Power)-[c:CITES]->() REMOVE c.article_key")
    older = tmp_path / "older.jsonl.gz"
    dump.export(graph, older)
    dump.clear(graph)
    dump.restore(graph, older)
    assert keyed() == written and by_article() == ["银川市公安局"]


def test_elsewhere_lists_the_first_powers_in_order_on_every_path_that_writes_them(two_cities, tmp_path) -> None:
    """Who exercises a power elsewhere reads each article's other powers from an index in their listing order
    (level, place, department, name, key: kb.model.listing_order, kept on CITES and IMPLEMENTS) and stops at its
    limit: the first rows are those a sort of every one gives, and stay so after an edit of a power's level,
    the upgrade from schema 10 and a restore of an export written without the order."""
    from importers.writer import rederive
    from kb import dump, schema
    from queries import loader

    srv, graph = two_cities["server"], two_cities["graph"]
    for title, body in (("乌鲁木齐市公安局2024年权责清单", "乌鲁木齐市公安局"), ("西宁市公安局2024年权责清单", "西宁市公安局"),
                        ("宁夏回族自治区公安厅2024年权责清单", "宁夏回族自治区公安厅")):
        path = _xlsx(tmp_path / f"{title}.xlsx", title, [
            ["1", "对擅自停用消防设施的行政处罚", "", "行政处罚", "", "", ART61, body, "1.立案责任", "未依法立案的", ""]])
        proc = _kb(srv, "import", "--json", "--no-check", str(path))
        assert proc.returncode == 0, proc.stderr
    key = two_cities["keys"]["对擅自停用消防设施的处罚"]

    def listed(limit: int) -> list[str]:
        return [r["department"] for r in loader.run(graph, "elsewhere", {"key": key, "limit": limit}).rows]

    def sorted_all() -> list[str]:  # every power elsewhere, sorted as the page lists them
        rows = graph.read("MATCH (p:Power {key: $key})-[:CITES]->(:Law)<-[c:CITES]-(o:Power) "
                          "WHERE c.article_key = '消防法#61' AND o.current AND o.jurisdiction <> p.jurisdiction "
                          "RETURN DISTINCT o.level AS level, o.jurisdiction AS place, o.department AS d, o.name AS n, "
                          "o.key AS k", key=key)
        rank = {"province": 0, "city": 1, "county": 2, "township": 3}
        return [r["d"] for r in sorted(rows, key=lambda r: (rank.get(r["level"], 4), r["place"], r["d"], r["n"], r["k"]))]

    every = sorted_all()
    assert every == ["宁夏回族自治区公安厅", "乌鲁木齐市公安局", "西宁市公安局", "银川市公安局"]
    assert listed(2) == every[:2] and listed(200) == every
    unordered = "MATCH (:Power)-[r:CITES|IMPLEMENTS]->() WHERE r.order IS NULL RETURN count(r) AS n"
    assert graph.read(unordered)[0]["n"] == 0
    assert graph.read("MATCH (:Power)-[r:IMPLEMENTS]->(c) WHERE r.catalog <> c.key RETURN count(r) AS n")[0]["n"] == 0

    # an edit of the province's power to county level lists it after the cities
    province = graph.read("MATCH (p:Power {department: '宁夏回族自治区公安厅'}) RETURN p.key AS key")[0]["key"]
    with graph.session() as session:
        session.execute_write(lambda tx: (tx.run("MATCH (p:Power {key: $key}) SET p.level = 'county'", key=province)
                                          .consume(), rederive(tx, province, "level", "county")))
    assert sorted_all()[-1] == "宁夏回族自治区公安厅"
    assert listed(2) == sorted_all()[:2] == ["乌鲁木齐市公安局", "西宁市公安局"]

    # what a kb before schema 11 wrote (no order): the upgrade gives it, and a restore of its export
    before = listed(200)
    graph.write("MATCH (:Power)-[r:CITES|IMPLEMENTS]->() REMOVE r.order, r.catalog")
    assert listed(200) == []
    graph.write("MATCH (m:KbMeta {name: 'schema'}) SET m.version = 10 WITH m MATCH (o:KbMeta {name: 'listing_order'}) DELETE o")
    schema.init(graph)
    assert listed(200) == before and graph.read(unordered)[0]["n"] == 0
    graph.write("MATCH (:Power)-[r:CITES|IMPLEMENTS]->() REMOVE r.order, r.catalog")
    older = tmp_path / "older.jsonl.gz"
    dump.export(graph, older)
    dump.clear(graph)
    dump.restore(graph, older)
    assert listed(200) == before and graph.read(unordered)[0]["n"] == 0


def test_kinds_in_another_spelling_and_a_law_applied_by_sector_are_no_difference(scratch, tmp_path) -> None:
    """厦门's 建设局 and 银川's 住房和城乡建设局 are one kind of body (住建局); 厦门 gives 《建设工程质量管理条例》第六十四条
    to its 交通运输局 and its 建设局 (by sector), 兰州 to its 交通运输局: a kind in common, no finding; 海口's 自然资源和
    规划局 and 兰州's 农业农村局 on 《土地管理法》第六十七条 are a difference (0.7); 第五十七条, given to 海口's 住建 and
    兰州's 交通, is one too, but of a law a place applies by sector: scored low and said so."""
    from importers.run import import_paths
    from kb.analyses import assignments

    quality = "【行政法规】《建设工程质量管理条例》"
    land = "【法律】《中华人民共和国土地管理法》第六十七条"
    road = "【法律】《中华人民共和国公路法》第七十六条"

    def listed(body: str, *items: tuple[str, str]) -> Path:
        path = tmp_path / f"{body}权责清单（2025年）.json"
        path.write_text(json.dumps({"title": f"{body}权责清单（2025年）", "records": [
            {"事项名称": name, "权力类型": "行政处罚", "实施依据": basis, "责任事项": "1.立案责任：依法立案。"}
            for name, basis in items]}, ensure_ascii=False), encoding="utf-8")
        return path

    paths = [listed("厦门市建设局", ("对施工单位偷工减料的处罚", quality + "第六十四条"),
                    ("对未取得施工许可擅自施工的处罚", quality + "第五十七条")),
             listed("厦门市交通运输局", ("对公路工程施工单位偷工减料的处罚", quality + "第六十四条")),
             listed("银川市住房和城乡建设局", ("对未取得施工许可证擅自施工的处罚", quality + "第五十七条")),
             listed("兰州市交通运输局", ("对公路施工偷工减料的处罚", quality + "第六十四条"),
                    ("对公路建设项目未经许可擅自施工的处罚", quality + "第五十七条")),
             listed("海口市自然资源和规划局", ("对土地利用情况的监督检查", land)),
             listed("兰州市农业农村局", ("对农村宅基地的监督检查", land)),
             # a county's merged body (水利和交通运输局: its ending has a short form, 交通局) and another county's 交通运输局
             # on one article: one kind (its part), no finding
             listed("肇庆市高要区水利和交通运输局", ("对擅自占用公路的处罚", road)),
             listed("肇庆市端州区交通运输局", ("对擅自占用公路的处罚", road))]
    assert {f["status"] for f in import_paths(scratch, paths, progress=False)["files"]} == {"imported"}
    found = {f.evidence[0]["article"]: f for f in assignments.find(scratch)}
    assert set(found) == {"第六十七条", "第五十七条"}, {k: f.summary for k, f in found.items()}
    assert found["第六十七条"].score == 0.7 and "自然资源局（海口市）" in found["第六十七条"].summary
    sector = found["第五十七条"]
    assert sector.score == assignments.SECTOR_SCORE and sector.summary.endswith(assignments.SECTOR_NOTE)
    assert "住建局（厦门市、银川市）" in sector.summary and "交通局（兰州市）" in sector.summary
