"""Hostile strings: what an attacker, a careless paste or a broken client sends in a text box or a URL."""
from __future__ import annotations

HOSTILE: list[str] = [
    # Cypher fragments and injection attempts
    "' OR 1=1 //", "\" OR \"\"=\"", "x' }) DETACH DELETE n //", "'}) MATCH (n) DETACH DELETE n //",
    "MATCH (n) DETACH DELETE n", "CREATE (:Power {key:'pwn'})", "1; DROP DATABASE neo4j", "CALL dbms.killQueries([])",
    "CALL apoc.cypher.runWrite('MATCH (n) DELETE n', {})", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "$key", "{key: 'x'}", "n.name =~ '.*'", "UNION MATCH (u:User) RETURN u.name AS name",
    "\\u0027 OR 1=1", "x\\' OR 1=1 //", "USING PERIODIC COMMIT", ":param x => 1", "EXPLAIN MATCH (n) RETURN n",
    "MATCH (u:User) SET u.role = 'admin'",
    # quotes, backticks, comment markers, escapes
    "'", "\"", "`", "``", "`Power` SET x.y = 1", "'; --", "/* comment */", "// comment", "*/", "\\", "\\\\'",
    "%", "%%", "%27", "%00", "_", "*", "?", "#", "&", "&amp;", "../../../etc/passwd", "..%2F..%2Fkb.toml",
    # markup and template syntax
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{7*7}}", "{% raw %}", "${7*7}",
    "javascript:alert(1)", "//evil.example/", "https://evil.example/",
    # Unicode tricks
    "\u202eevil", "\u200b\u200c\u200d\ufeff", "ｍａｔｃｈ （ｎ） ｄｅｌｅｔｅ ｎ", "Ｐｏｗｅｒ", "ﬁﬂ", "e\u0301" * 50,
    "𠀀𠀁𠀂", "😀" * 100, "\ud83d", "\x00", "\x00MATCH", "\r\nSet-Cookie: x=1", "\t\n\r\x0b\x0c",
    "\x1b[31mred", "行政许可' OR '1'='1", "对\u0000的许可", "克拉玛依市/../交通运输局",
    # numbers and types where a string is expected (and the reverse)
    "-1", "0", "99999999999999999999999", "1e309", "NaN", "-0", "true", "null", "[]", "{}",
    # very long and deeply nested
    "a" * 10_000, "权" * 5_000, "(" * 5_000, "[" * 2_000 + "]" * 2_000, "{a:" * 1_000, "'" * 3_000,
    "/" * 1_000, "%" * 2_000,
]
assert len(HOSTILE) >= 50
