"""Chinese throughout (issue 10 §6): every page and every CLI report, read as a Chinese reader reads
them, shows no raw key of the model and no English message left untranslated.

What a reader sees is the text of a page (no tags, scripts or styles) plus what shows on hover or
inside the graph pictures: `title=`, `placeholder=`, `aria-label=`, `alt=`, button values, and the
captions and tooltips of the nodes and edges of a graph (its JSON). Two kinds of English fail:
- the code's own vocabulary shown raw: levels (`city`), labels (`Power`), relationship types
  (`BASED_ON`), rule keys (`missing_stage`), areas, property and audit field names (`basis_text`);
- a message of the catalogue (webui/translations/messages.pot) whose Chinese differs, verbatim.
What must stay is marked `translate="no"` (the HTML attribute for "not to be translated"), and it is
honoured only where a page shows Cypher: the console and the saved queries (the query text and the
column names the query returns). `--json` output and URLs are the interface and are not read here.
"""
from __future__ import annotations

import html as html_module
import json
import re
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.e2e.conftest import csrf_token, login
from tests.e2e.test_web_pages import page_urls

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
# Pages where a reader is shown Cypher and the names a query returns, as typed: translate="no" counts there.
CYPHER_PAGES = ("/console", "/queries")


# --- the forbidden vocabulary, from the code itself ---------------------------------------------------

@cache
def vocabulary() -> dict[str, set[str]]:
    from kb.analyses import chains
    from kb.analyses.findings import AREAS, KINDS
    from kb.model import LEVELS, NODE_KEYS
    from webui.columns import NAMES
    from webui.entities import EVIDENCE_FIELDS
    from webui.graphs import TOOLTIP_FIELDS
    from webui.views.edits import EDITABLE

    relationships: set[str] = set()
    for path in [*REPO.glob("kb/**/*.py"), *REPO.glob("importers/**/*.py"), *REPO.glob("webui/**/*.py"),
                 *REPO.glob("queries/**/*.cypher")]:
        for found in re.findall(r"-\[\w*:([A-Z][A-Z_|]+)", path.read_text(encoding="utf-8")):
            relationships.update(found.split("|"))
    via = set(re.findall(r'"via": "?(\w+)', Path(chains.__file__).read_text(encoding="utf-8")))
    via |= set(re.findall(r"links\.add\([^)]*?\"(\w+)\"", Path(chains.__file__).read_text(encoding="utf-8")))
    properties = {k for k in (*EDITABLE, *EVIDENCE_FIELDS, *TOOLTIP_FIELDS, *NAMES, "retired", "status", "reason",
                              "responsibility") if len(k) >= 4}
    return {
        "level": set(LEVELS),
        "label": {label for label, _key in NODE_KEYS} | {"StoredFinding", "FindingStats", "KbMeta"},
        "relationship": relationships,
        "rule": set(KINDS),
        "area": set(AREAS),
        "property": properties,
        "chain link": {v for v in via if len(v) >= 4},
    }


def _word(term: str) -> re.Pattern[str]:
    # a whole identifier: not inside a longer one (basis_text in basis_text_x, city in velocity)
    return re.compile(r"(?<![A-Za-z0-9_])" + re.escape(term) + r"(?![A-Za-z0-9_])")


@cache
def vocabulary_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    return [(kind, term, _word(term)) for kind, terms in vocabulary().items() for term in sorted(terms)]


@cache
def untranslated_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every msgid whose Chinese is not the msgid itself, as a pattern (%(x)s matches any text)."""
    from babel.messages.pofile import read_po

    with open(REPO / "webui/translations/zh/LC_MESSAGES/messages.po", "rb") as f:
        catalogue = read_po(f)
    out = []
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            if not msgid or msgid in strings or not re.search(r"[A-Za-z]{2}", msgid):
                continue
            parts = re.split(r"%\(\w+\)[sdif]|%[sd]", msgid.replace("%%", "%"))
            body = r".{1,80}?".join(re.escape(p) for p in parts)
            out.append((msgid, re.compile(r"(?<![A-Za-z0-9_])" + body + r"(?![A-Za-z0-9_])")))
    return out


def offences(text: str, messages: bool = True) -> list[str]:
    found = [f"{kind} {term!r}" for kind, term, pattern in vocabulary_patterns() if pattern.search(text)]
    if messages:
        found += [f"untranslated {msgid!r}" for msgid, pattern in untranslated_patterns() if pattern.search(text)]
    return found


# --- what a reader sees on a page ----------------------------------------------------------------------

# Addresses and file paths are the interface (/reports/gaps, /work/data/laws/…): not read.
PATHS = re.compile(r"(?<![\w.])(?:https?:/)?/[^\s，。；、）)]*")
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Visible(HTMLParser):
    """The text chunks a reader sees, hovers over or reads in a graph."""

    def __init__(self, honour_no_translate: bool):
        super().__init__(convert_charrefs=True)
        self.honour = honour_no_translate
        self.chunks: list[str] = []
        self.stack: list[tuple[str, bool, str]] = []  # (tag, skipped, script kind)

    @property
    def skipping(self) -> bool:
        return any(skipped for _tag, skipped, _kind in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skipped = (tag == "style" or (tag == "script" and values.get("type") != "application/json")
                   or (self.honour and values.get("translate") == "no"))
        if not skipped and not self.skipping:
            self.chunks += [v for k, v in attrs if k in SHOWN_ATTRIBUTES and v]
            if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
                self.chunks.append(values["value"])
        if tag not in VOID:
            self.stack.append((tag, skipped, values.get("id") or "" if tag == "script" else ""))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.skipping or not data.strip():
            return
        if self.stack and self.stack[-1][0] == "script":
            self.chunks += graph_text(json.loads(data))
            return
        self.chunks.append(" ".join(data.split()))


def graph_text(data: dict) -> list[str]:
    """Captions and tooltips of a graph picture's nodes and edges, and its legend."""
    out = []
    for item in [*data.get("nodes", []), *data.get("edges", [])]:
        out += [str(item[k]) for k in ("label", "title") if item.get(k)]
    out += [str(entry.get("name", "")) for entry in data.get("legend") or []]
    return out


def page_offences(url: str, html: str) -> list[str]:
    parser = Visible(honour_no_translate=url.startswith(CYPHER_PAGES))
    parser.feed(html)
    found: dict[str, str] = {}
    for chunk in dict.fromkeys(PATHS.sub(" ", c) for c in parser.chunks):
        for o in offences(chunk):
            found.setdefault(o, chunk[:120])
    return [f"{url}: {o} in {chunk!r}" for o, chunk in found.items()]


def q(value: str) -> str:
    return quote(value, safe="")


def all_urls(samples: dict) -> dict[str, str]:
    """The page walk's pages, every report area, and a refusal of the console."""
    from kb.analyses.findings import AREAS

    urls = dict(page_urls(samples))
    urls |= {f"reports.area.{area}": f"/reports/{area}" for area in AREAS}
    urls["console.refused"] = "/console?cypher=" + q("CREATE (n:Thing) RETURN n")
    urls["graph.department"] = f"/graph/Department/{q(samples['department'])}"
    urls["graph.law"] = f"/graph/Law/{q(samples['law'])}"
    urls["missing"] = "/powers/nope"
    return urls


def test_every_page_is_chinese_for_a_reader_and_an_admin(web_app, samples, make_user, restored_power):
    edited_power = restored_power  # edited once below (an audit row with a field name), restored afterwards
    anonymous = web_app.test_client()
    admin = web_app.test_client()
    assert login(admin, *make_user("admin")).status_code == 302
    edit_url = f"/edit/power/{q(edited_power)}"
    form = admin.get(edit_url).get_data(as_text=True)
    fields = ("name", "type", "level", "unit", "scope", "basis_text", "duty_statement", "responsibility_text",
              "responsibility_basis_text", "remarks")
    values = {k: html_module.unescape(v) for k, v in re.findall(r'name="was_(\w+)" type="hidden" value="([^"]*)"', form)}
    data = {f: values.get(f, "") for f in fields} | {f"was_{f}": values.get(f, "") for f in fields}
    data |= {"basis_text": (values.get("basis_text") or "") + "（测试）", "reason": "测试", "csrf_token": csrf_token(form)}
    assert admin.post(edit_url, data=data).status_code == 302
    edit_id = admin.get("/edits.json").get_json()["edits"][0]["id"]

    found: list[str] = []
    seen = 0
    for who, client in (("anonymous", anonymous), ("admin", admin)):
        urls = all_urls(samples)
        if who == "admin":
            urls |= {"edit form": edit_url, "edit": f"/edits/{edit_id}", "users": "/users",
                     "upload": "/imports/new"}
        else:
            urls["login"] = "/login"
        for name, url in urls.items():
            response = client.get(url)
            assert response.status_code in (200, 400, 404), (who, name, url, response.status_code)
            html = response.get_data(as_text=True)
            assert "<h1" in html, (who, name, url)
            seen += 1
            found += [f"[{who}] {o}" for o in page_offences(url, html)]
    # refusals and validation: a wrong password, a form without its token, an empty reason
    refused = anonymous.post("/login", data={"name": "nobody", "password": "x",
                                             "csrf_token": csrf_token(anonymous.get("/login").get_data(as_text=True))})
    found += page_offences("/login (wrong password)", refused.get_data(as_text=True))
    found += page_offences("/login (no token)", anonymous.post("/login", data={"name": "x"}).get_data(as_text=True))
    empty = admin.post(edit_url, data={**data, "reason": "", "csrf_token": csrf_token(admin.get(edit_url).get_data(as_text=True))})
    found += page_offences("edit form (no reason)", empty.get_data(as_text=True))
    assert seen > 60
    assert not found, "\n".join(found)


def test_the_check_finds_what_it_is_meant_to_find():
    """The check itself: each kind of English it looks for is caught, Chinese passes."""
    assert "level 'city'" in offences("层级：city")
    assert offences("HOLDS (field: basis)")[:1] == ["relationship 'HOLDS'"]
    assert offences("缺少环节 missing_stage") == ["rule 'missing_stage'"]
    assert "untranslated 'Powers'" in offences("Powers")
    assert offences("市级 行使 依据 缺少责任环节 kb check gaps --json") == ["area 'gaps'"]
    assert offences("客流velocity 与 city_code") == []
    parser = Visible(honour_no_translate=True)
    parser.feed('<p title="BASED_ON">x</p><pre translate="no">MATCH (p:Power)</pre><script>var city;</script>'
                '<script type="application/json">{"edges": [{"title": "HOLDS"}]}</script>')
    assert parser.chunks == ["BASED_ON", "x", "HOLDS"]


# --- the CLI's reports ---------------------------------------------------------------------------------

# What the CLI shows that is the interface: commands and parameters to type (kb overlaps list,
# -p name=value, --param limit=<int>) and, for `kb query show`, the Cypher after its header.
PARAMETERS = re.compile(r"(?:--param|-p)\s+\w+(?:=\S*)?|\bkb(?: [a-z][a-z-]*)+|--[a-z][a-z-]*")
ENGLISH_RUN = re.compile(r"[A-Za-z]+(?:[ ,:;]+[A-Za-z]+)+")  # English words in a row: a phrase, not a name


def cli_offences(args: tuple[str, ...], text: str) -> list[str]:
    if args[:2] == ("query", "list"):  # each line starts with the name to type: area/name
        text = "\n".join(line.split(None, 1)[-1] for line in text.splitlines() if line.strip())
    if args[:2] == ("query", "show"):  # its header; the Cypher of the query and of its choices is the query
        text = "\n".join(line for line in text.split("\n\n", 1)[0].splitlines() if "（Cypher）" not in line)
    found: dict[str, str] = {}
    for line in text.splitlines():
        for o in offences(PATHS.sub(" ", PARAMETERS.sub(" ", line)), messages=False):
            found.setdefault(o, line[:120])
    return [f"{o} in {line!r}" for o, line in found.items()]


def kb(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=env, capture_output=True, text=True,
                          check=False, timeout=600)


def test_every_cli_report_is_chinese(loaded_server, web_app, samples, make_user, tmp_path):
    from kb.analyses.findings import AREAS

    make_user("editor")  # for `kb user list`
    env = loaded_server.env
    graph = loaded_server.graph
    department = samples["department"]
    versions = graph.read("MATCH (d:Department)<-[:LIST_OF]-(v:ListVersion) WITH d, count(v) AS n WHERE n > 1 "
                          "RETURN d.name AS d LIMIT 1")
    township = graph.read("MATCH (p:Power) WHERE p.current AND p.level = 'township' RETURN p.key AS k LIMIT 1")
    runs = [("check", "--stored", area) for area in AREAS]
    runs += [("check", "gaps", "--kind", "missing_stage"), ("overlaps", "list"),
             ("overlaps", "show", samples["finding"]),
             ("chain", samples["chain_power"]), ("chain", "--up", township[0]["k"] if township else samples["chain_power"]),
             ("services",), ("laws", "impact", samples["law"]),
             *([("diff", versions[0]["d"])] if versions else []), ("stats",), ("query", "list"), ("query", "show", "powers_by_department"),
             ("query", "run", "powers_by_department", "-p", f"department={department}", "--limit", "20"),
             ("query", "run", "delegations", "--limit", "20"), ("user", "list"), ("db", "status")]
    # files `kb import` refuses: a PDF named .xlsx; a row without 事项名称 (and a warning: an unknown 权力类型)
    (tmp_path / "清单.xlsx").write_bytes(b"%PDF-1.4 not a list")
    flawed = tmp_path / "克拉玛依市交通运输局权责清单.csv"
    flawed.write_text("序号,事项名称,权力类型\n1,,行政许可\n2,甲,行政指导\n", encoding="utf-8")
    imports = [("import", "--dry-run", str(tmp_path / "清单.xlsx")), ("import", "--dry-run", str(flawed))]
    # refusals a reader meets: a list with one version has nothing to compare, an unknown overlap id
    refusals = [*imports, ("diff", department, "2023", "2024"),
                ("overlaps", "resolve", "ffffffffffff", "--lead", "x", "--basis", "x"),
                ("query", "run", "no_such_query"), ("chain", "没有这个事项")]
    if not versions:
        refusals.append(("diff", department))
    found = []
    for args in runs + refusals:
        proc = kb(env, *args)
        if args in refusals:
            assert proc.returncode == 1 and proc.stderr.strip(), (args, proc.stdout[-2000:], proc.stderr[-2000:])
        else:
            assert proc.returncode == 0, (args, proc.stderr[-2000:])
            assert proc.stdout.strip(), args
        found += [f"kb {' '.join(args)}: {o}" for o in cli_offences(args, proc.stdout + "\n" + proc.stderr)]
        if args in imports:  # what is wrong with the file, in Chinese: no English sentence around the names
            said = PATHS.sub(" ", PARAMETERS.sub(" ", proc.stderr))
            assert "错误：" in said and not ENGLISH_RUN.search(said), (args, proc.stderr)
    assert not found, "\n".join(found)


DEMO_CHAIN = REPO / "kb" / "demo" / "example_chain"


def test_a_chain_with_a_delegation_is_told_in_chinese(scratch_server):
    """`kb chain` on the demo's four levels: the street office holds the inspection by entrustment."""
    from importers.run import import_paths

    import_paths(scratch_server.graph, [DEMO_CHAIN], progress=False)
    for args in (("chain", "000106001000"), ("chain", "--up", "对食品经营者的监督检查")):
        proc = kb(scratch_server.env, *args)
        assert proc.returncode == 0, proc.stderr
        assert "[乡镇级]" in proc.stdout and "← 下放/委托（方式 委托" in proc.stdout and "← 同一目录事项（编码" in proc.stdout
        assert not cli_offences(args, proc.stdout + "\n" + proc.stderr), cli_offences(args, proc.stdout + proc.stderr)


def test_file_and_database_errors_are_told_in_chinese_first(loaded_server, tmp_path):
    """What Python or the driver says (No such file or directory, Address already in use, the refused
    login) comes only after the Chinese explanation, in parentheses; no traceback."""
    env = loaded_server.env
    nowhere, plain = tmp_path / "没有的文件夹", tmp_path / "普通文件"
    plain.write_text("x", encoding="utf-8")
    bolt_port = env["NEO4J_URI"].rsplit(":", 1)[1]  # a port already taken: the database's own
    cases = [
        (("export", str(nowhere / "导出.jsonl.gz")), env,
         f"错误：无法写入 {nowhere / '导出.jsonl.gz'}：文件或文件夹不存在："),
        (("services", "--csv", str(plain / "一件事.csv")), env, f"错误：路径中有一段不是文件夹：{plain / '一件事.csv'}（"),
        (("query", "run", "powers_by_department", "--output", str(nowhere / "结果.csv"), "--format", "csv"), env,
         "错误：文件或文件夹不存在："),
        (("serve", "--port", bolt_port), env, "错误：地址或端口已被占用（"),
        (("stats",), {**env, "NEO4J_PASSWORD": "wrong-password"},
         f"错误：{env['NEO4J_URI']} 上的 Neo4j 拒绝登录：请检查 NEO4J_USER / NEO4J_PASSWORD（"),
        (("query", "run", "no_such_query"), env, "错误：没有名为 'no_such_query' 的已保存查询"),
    ]
    for args, run_env, said in cases:
        proc = kb(run_env, *args)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, (args, proc.stderr[-2000:])
        error = next(line for line in proc.stderr.splitlines() if line.startswith("错误："))
        assert error.startswith(said), (args, error)
        chinese, _, detail = error.partition("（")
        chinese = re.sub(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", " ", chinese)  # names of settings: NEO4J_PASSWORD
        assert not ENGLISH_RUN.search(PATHS.sub(" ", PARAMETERS.sub(" ", chinese))), (args, error)
        if "No such file" in error or "Address already in use" in error or "Unauthorized" in error:
            assert detail, (args, error)  # the original message only as detail
