"""What a common file or database error means, in Chinese, with Python's or the driver's own message
kept after it as detail: 文件或文件夹不存在：/x（[Errno 2] No such file or directory: '/x'）.

The neo4j driver is not imported here: its errors are recognised by the module of their class, so
that `kb --help` stays light."""
from __future__ import annotations

import errno

# errno → what it means, for the OSErrors a user meets with files, folders and addresses
ERRNO_TEXT = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "不允许这样操作（没有权限）",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.EEXIST: "已经存在",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统是只读的",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ENOTEMPTY: "文件夹不是空的",
    errno.EMFILE: "打开的文件太多",
    errno.EADDRINUSE: "地址或端口已被占用",
    errno.EADDRNOTAVAIL: "本机没有这个地址",
    errno.ECONNREFUSED: "连接被拒绝（对方没有在监听）",
    errno.ECONNRESET: "连接被对方断开",
    errno.ETIMEDOUT: "连接超时",
    errno.EHOSTUNREACH: "无法到达主机",
    errno.ENETUNREACH: "网络不可达",
}


def detail(exc: BaseException) -> str:
    """The original message on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__


def _os_reason(exc: OSError) -> str | None:
    import gzip
    import socket

    if isinstance(exc, socket.gaierror):
        return "无法解析主机名"
    if isinstance(exc, gzip.BadGzipFile):
        return "不是 gzip 压缩文件"
    reason = ERRNO_TEXT.get(exc.errno) if exc.errno else None
    if reason is None and isinstance(exc, TimeoutError):
        reason = "超时"
    if reason and exc.filename is not None:
        reason += f"：{exc.filename}"
    return reason


def is_connection_error(exc: BaseException) -> bool:
    """Whether this is the neo4j driver saying the database cannot be reached or refused the login."""
    if not type(exc).__module__.startswith("neo4j"):
        return False
    import neo4j.exceptions as ne

    return isinstance(exc, ne.ServiceUnavailable | ne.SessionExpired | ne.AuthError)


def _database_reason(exc: BaseException) -> str | None:
    if not type(exc).__module__.startswith("neo4j"):
        return None
    import neo4j.exceptions as ne

    text = str(exc)
    if isinstance(exc, ne.AuthError):
        return "数据库拒绝登录：用户名或密码不对"
    if isinstance(exc, ne.SessionExpired):
        return "与数据库的连接中断了"
    if isinstance(exc, ne.ServiceUnavailable):
        if "Connection refused" in text:
            return "数据库没有应答：连接被拒绝（服务器没有运行，或端口不对）"
        if "DNS resolve" in text:
            return "数据库没有应答：无法解析主机名"
        if "timed out" in text.lower():
            return "数据库没有应答：连接超时"
        return "数据库没有应答"
    if isinstance(exc, ne.DriverError):
        return "数据库驱动出错"
    return None


def reason(exc: BaseException) -> str | None:
    """What the error means in Chinese, or None when it is none of the common cases."""
    if isinstance(exc, OSError):
        return _os_reason(exc)
    if isinstance(exc, EOFError):
        return "文件不完整（压缩数据提前结束）"
    if isinstance(exc, UnicodeDecodeError):
        return f"无法按 {exc.encoding} 解码"
    return _database_reason(exc)


def explain(exc: BaseException) -> str:
    """The Chinese explanation first and the original message in parentheses; the original alone when
    the error is none of the common cases."""
    said = reason(exc)
    return f"{said}（{detail(exc)}）" if said else detail(exc)
