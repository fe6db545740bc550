"""A PostgreSQL server for the store tests: $DATELINE_TEST_PG_URL, else a throwaway cluster
started here (initdb + pg_ctl, as the postgres user when running as root), else a skip reason."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ENV = "DATELINE_TEST_PG_URL"


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def throwaway_server() -> Iterator[tuple[str | None, str]]:
    """Start a temporary cluster; yields (url or None, reason when none)."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        yield None, "no PostgreSQL server binaries (initdb, pg_ctl) installed"
        return
    prefix: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            yield None, "running as root and there is no postgres user to run the server"
            return
        if not runuser:
            yield None, "running as root without runuser to start the server as postgres"
            return
        prefix = [runuser, "-u", "postgres", "--"]
    tmp = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    data, port = tmp / "data", _free_port()
    if prefix:
        shutil.chown(tmp, "postgres", "postgres")
    try:
        subprocess.run(
            [*prefix, initdb, "-D", str(data), "-U", "dateline", "--auth=trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [
                *prefix,
                pg_ctl,
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(tmp / "log"),
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(tmp, ignore_errors=True)
        yield None, f"could not start a PostgreSQL server: {exc} {detail.decode()[:200]}"
        return
    try:
        yield f"postgresql+psycopg://dateline@127.0.0.1:{port}/postgres", ""
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def pg_server() -> Iterator[tuple[str | None, str]]:
    """$DATELINE_TEST_PG_URL when set, else a throwaway server."""
    url = os.environ.get(ENV)
    if url:
        yield url, ""
        return
    with throwaway_server() as found:
        yield found


def fresh_database(server_url: str) -> str:
    """Create an empty database on the server; return its URL."""
    import sqlalchemy as sa

    name = f"dateline_test_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    for attempt in range(20):
        try:
            with engine.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
            break
        except sa.exc.OperationalError:
            if attempt == 19:
                raise
            time.sleep(0.5)
    engine.dispose()
    return sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)
