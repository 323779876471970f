"""The app served over real HTTP for the benchmarks: gunicorn on 127.0.0.1 with the
production settings, and a client that talks to it as the TLS-ending proxy would."""

import contextlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


@contextlib.contextmanager
def gunicorn(port: int, workers: int = 2):
    """gunicorn serving msmt.wsgi with the production settings (DEBUG off, HTTPS only)
    until the block ends; its address."""
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only"),
        "ALLOWED_HOSTS": HOST,
    }
    command = [sys.executable, "-m", "gunicorn", "msmt.wsgi", "--workers", str(workers)]
    command += ["--bind", f"{HOST}:{port}", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    address = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn stopped (exit {server.returncode})")
            try:
                # A worker still loading the app leaves the connection waiting.
                requests.get(f"{address}/healthz/", timeout=10)
                break
            except (requests.ConnectionError, requests.Timeout):
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not answer within 120 s") from None
                time.sleep(0.5)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=30)


class BehindProxy(requests.Session):
    """A session that sends what the proxy ending TLS in front of the app sends: the
    production settings trust X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER), and redirect
    any request without it to HTTPS. Its cookies are secure ones, which requests keeps
    for HTTPS: they are sent as the browser, on its HTTPS side of the proxy, sends them."""

    def __init__(self, address: str, **headers):
        super().__init__()
        self.address = address
        self.headers.update({"X-Forwarded-Proto": "https", **headers})

    def request(self, method, url, **kwargs):
        if self.cookies:
            cookies = "; ".join(f"{c.name}={c.value}" for c in self.cookies)
            kwargs["headers"] = {"Cookie": cookies, **(kwargs.get("headers") or {})}
        return super().request(method, url, **kwargs)


def client(address: str, **headers) -> BehindProxy:
    return BehindProxy(address, **headers)


def get_ok(session: requests.Session, path: str, params=None) -> requests.Response:
    response = session.get(session.address + path, params=params, allow_redirects=False)
    assert response.status_code == 200, (path, response.status_code, response.text[:300])
    return response


def sign_in(session: requests.Session, username: str, password: str) -> None:
    """Through the sign-in form, as a person does."""
    login = f"{session.address}/accounts/login/"
    session.get(login)
    response = session.post(
        login,
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        # The CSRF check of a secure request compares the referring page's origin.
        headers={"Referer": login.replace("http:", "https:")},
        allow_redirects=False,
    )
    assert response.status_code == 302, (username, response.status_code, response.text[:300])


def two_factor(session: requests.Session, code: str) -> None:
    page = f"{session.address}/account/two-factor/"
    session.get(page)
    response = session.post(
        page,
        data={"code": code, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": page.replace("http:", "https:")},
        allow_redirects=False,
    )
    assert response.status_code == 302, (response.status_code, response.text[:300])


def timings(call, repeat: int, before=None) -> tuple[float, float]:
    """Median and 95th percentile (ms) of `repeat` calls after a warm-up; `before`, if
    given, is called ahead of each call, untimed."""
    call()
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), percentile(times, 95)


def percentile(times: list[float], p: int) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def load() -> str:
    """The machine's load averages, beside each figure: it is shared."""
    return " ".join(f"{n:.2f}" for n in os.getloadavg())
