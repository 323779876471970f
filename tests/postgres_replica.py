"""A streaming replica of the test suite's PostgreSQL server, started on this machine for
the read replica's tests: a second cluster on a free port, copied from the primary with
pg_basebackup -R (so it follows the primary, databases created later included), run by
the server's own binaries as the postgres user, and removed at the end."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
# What a hot standby must have at least as much of as its primary.
PRIMARY_MINIMUMS = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    """Until `condition` holds, asking again and again; a failure after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Waited {timeout} s for {what}.")
        time.sleep(0.05)


@dataclass
class Replica:
    port: int
    directory: Path
    bin_dir: Path

    def stop(self) -> None:
        self.shut_down()
        shutil.rmtree(self.directory)

    def shut_down(self) -> None:
        """Stops the server, keeping its data for start_again."""
        _run([self.bin_dir / "pg_ctl", "-D", self.directory / "data", "-m", "fast", "stop"])

    def start_again(self) -> None:
        data = self.directory / "data"
        _run([self.bin_dir / "pg_ctl", "-D", data, "-l", self.directory / "log", "-w", "start"])


def start(primary: dict) -> Replica:
    """A replica of the server `primary` (a Django connection's settings) names."""
    server = {
        "host": primary["HOST"] or "127.0.0.1",
        "port": str(primary["PORT"] or 5432),
        "user": primary["USER"] or "postgres",
    }
    environment = {"PGHOST": server["host"], "PGPORT": server["port"], "PGUSER": server["user"]}
    if primary["PASSWORD"]:
        environment["PGPASSWORD"] = primary["PASSWORD"]
    _run([ROOT / "scripts" / "postgres-replication.sh"], environment, as_server=False)
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        version = int(connection.execute("SHOW server_version_num").fetchone()[0])
        minimums = {
            name: connection.execute(f"SHOW {name}").fetchone()[0] for name in PRIMARY_MINIMUMS
        }
    bin_dir = _bin_dir(version // 10000)

    directory = Path(tempfile.mkdtemp(prefix="msmt-replica-"))
    replica = Replica(port=_free_port(), directory=directory, bin_dir=bin_dir)
    try:
        _make(replica, environment, minimums)
    except BaseException:
        log = directory / "log"
        detail = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(directory)
        if detail:
            raise RuntimeError(f"The replica did not start:\n{detail}")  # noqa: B904
        raise
    return replica


def _make(replica: Replica, environment: dict, minimums: dict) -> None:
    directory, bin_dir, data = replica.directory, replica.bin_dir, replica.directory / "data"
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    _run(
        [bin_dir / "pg_basebackup", "-D", data, "-R", "-X", "stream", "-c", "fast", "--no-sync"],
        environment,
    )
    settings = {
        "port": replica.port,
        "listen_addresses": "'127.0.0.1'",
        "unix_socket_directories": f"'{directory}'",
        "hot_standby": "on",
        "fsync": "off",
        **minimums,
    }
    _write(data / "postgresql.conf", "".join(f"{k} = {v}\n" for k, v in settings.items()))
    _write(data / "pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\n")
    _write(data / "pg_ident.conf", "")
    # Ready once it has a snapshot of the primary's transactions; on a busy server that
    # waits for the transactions open at the copy (a long migration, say) to end.
    _run([bin_dir / "pg_ctl", "-D", data, "-l", directory / "log", "-w", "-t", "600", "start"])


def _bin_dir(major: int) -> Path:
    """The server's binaries of the primary's major version (Debian's layout), or those
    pg_config names."""
    debian = Path(f"/usr/lib/postgresql/{major}/bin")
    if (debian / "pg_ctl").exists():
        return debian
    found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True)
    return Path(found.stdout.strip())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _write(path: Path, text: str) -> None:
    path.write_text(text)
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def _run(command: list, environment: dict | None = None, as_server: bool = True) -> None:
    """A command as the server's user: PostgreSQL refuses to run as root."""
    command = [str(part) for part in command]
    if as_server and os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    result = subprocess.run(
        command, env=os.environ | (environment or {}), capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
