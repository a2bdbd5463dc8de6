"""A throwaway PostgreSQL server on a temporary directory (unix socket only), for tests and benches.

Uses the distribution's initdb/pg_ctl; as root the server runs as the `postgres` user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Unavailable(RuntimeError):
    """No server can be started here; the message says why."""


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *command]
    return ["su", "postgres", "-c", " ".join(command)]


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Yield a URL template `postgresql://postgres@/{db}?host=...`; the server dies afterwards."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        raise Unavailable(
            "PostgreSQL is not installed (apt-get install postgresql, or scripts/system-deps.sh)"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise Unavailable("psycopg is not installed: pip install 'newstrace[postgres]'") from exc
    root = Path(tempfile.mkdtemp(prefix="newstrace-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError as exc:
            shutil.rmtree(root, ignore_errors=True)
            raise Unavailable(
                "running as root and there is no 'postgres' user to run the server"
            ) from exc
        os.chown(root, user.pw_uid, user.pw_gid)
    data = root / "data"
    log = root / "server.log"
    initdb = [
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--no-sync",
    ]
    options = f"-k {root} -c listen_addresses= -F -c fsync=off -c full_page_writes=off"
    start = [
        str(bin_dir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(log),
        "-w",
        "-t",
        "60",
        "start",
    ]
    try:
        subprocess.run(_as_server_user(initdb), check=True, capture_output=True, timeout=120)
        subprocess.run(_as_server_user(start), check=True, capture_output=True, timeout=120)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        detail = (getattr(exc, "stderr", b"") or b"").decode(errors="replace")[-300:]
        server_log = log.read_text(errors="replace")[-300:] if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise Unavailable(f"could not start PostgreSQL: {detail} {server_log}".strip()) from exc
    try:
        yield f"postgresql://postgres@/{{db}}?host={root}"
    finally:
        stop = [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        subprocess.run(_as_server_user(stop), capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def create_database(url_template: str, name: str) -> str:
    """Create database `name` on the server and return its URL."""
    import psycopg

    with psycopg.connect(url_template.format(db="postgres"), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return url_template.format(db=name)
