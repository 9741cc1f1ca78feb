"""Local servers for the browser tests and the benchmark, each on free loopback ports,
waited for through its health endpoint and stopped by its own process id:

- StreamlitServer: one `streamlit run <script>` with the project's config (the working
  directory is the project root, so .streamlit/config.toml applies);
- Deployment: deploy/run.sh, nginx in front of supervised Streamlit processes.

tests/e2e imports it as `bench.servers`; the scripts in bench/ (run with bench/ on
sys.path) as `servers`. It imports nothing from tests/.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def consecutive_free_ports(count: int) -> int:
    """A port p with p+1 ... p+count-1 also free (run.sh puts its processes on consecutive ports)."""
    for _ in range(50):
        port = free_port()
        try:
            for offset in range(1, count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port + offset))
        except OSError:
            continue
        return port
    raise RuntimeError(f"no {count} consecutive free ports")


def http_get(url: str, timeout: float = 5) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def healthy(url: str, timeout: float = 2) -> bool:
    """GET url/_stcore/health answers ok."""
    try:
        return http_get(f"{url}/_stcore/health", timeout) == b"ok"
    except OSError:
        return False


def wait_until(
    ready: Callable[[], bool],
    process: subprocess.Popen,
    output: Callable[[], str],
    timeout: float,
    interval: float,
) -> float:
    """Seconds until ready() holds, polled every `interval` (a health endpoint, not the UI);
    fails with the process's output when it exits or the time is up."""
    start = time.perf_counter()
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} exited with {process.returncode}:\n{output()[-4000:]}")
        if ready():
            return time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"not healthy after {timeout} s:\n{output()[-4000:]}")
        time.sleep(interval)


class StreamlitServer:
    """One `streamlit run` process on loopback, stopped by its own pid.

    script: the entry point, relative to the project root. data_dir: OTPT_DATA_DIR.
    options: more `--name value` command-line options. launcher: what runs instead of
    `python -m streamlit run` (e.g. bench/traced_server.py). port: a given port (a restart
    on the same one), else a free one.
    """

    def __init__(
        self,
        script: str = "dashboard.py",
        *,
        data_dir: str | Path | None = None,
        env: dict[str, str] | None = None,
        options: Sequence[str] = (),
        launcher: Sequence[str] = ("-m", "streamlit", "run"),
        port: int | None = None,
        log_prefix: str = "streamlit-",
    ):
        self.script = script
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix=log_prefix, suffix=".log", delete=False)
        full_env = {**os.environ, **(env or {})}
        if data_dir is not None:
            full_env["OTPT_DATA_DIR"] = str(data_dir)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [
                sys.executable,
                *launcher,
                script,
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                *options,
            ],
            cwd=ROOT,
            env=full_env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_healthy(self, timeout: float = 60, interval: float = 0.1) -> float:
        """Waits for /_stcore/health; returns the seconds since the process was started."""
        wait_until(lambda: healthy(self.url, 1), self.process, self.output, timeout, interval)
        return time.perf_counter() - self.started

    def output(self) -> str:
        """What the server has logged so far ("" once stopped: the log is removed)."""
        try:
            return Path(self.log.name).read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def metric(self, name: str) -> float | None:
        """One value of Streamlit's /_stcore/metrics (e.g. active_sessions)."""
        for line in http_get(f"{self.url}/_stcore/metrics").decode().splitlines():
            if line.startswith(name) and not line.startswith("#"):
                return float(line.rsplit(" ", 1)[1])
        return None

    def rss_mb(self) -> float:
        import psutil

        return psutil.Process(self.process.pid).memory_info().rss / 2**20

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        Path(self.log.name).unlink(missing_ok=True)


class Deployment:
    """deploy/run.sh with `workers` Streamlit processes behind nginx, in a process group of
    its own; stopped with TERM (run.sh stops supervisord, which stops the rest)."""

    def __init__(self, workers: int = 2, *, nginx: str | None = None, env: dict[str, str] | None = None):
        self.workers = workers
        self.port, self.base_port = free_port(), consecutive_free_ports(workers)
        self.url = f"http://127.0.0.1:{self.port}"
        self.prefix = tempfile.mkdtemp(prefix="deploy-")  # run.sh's logs are read from here
        self.log = tempfile.NamedTemporaryFile(prefix="deploy-", suffix=".log", delete=False)
        full_env = {
            **os.environ,
            "WORKERS": str(workers),
            "PORT": str(self.port),
            "BASE_PORT": str(self.base_port),
            "PYTHON": sys.executable,
            "PREFIX": self.prefix,
            **({"NGINX": nginx} if nginx else {}),
            **(env or {}),
        }
        self.process = subprocess.Popen(
            ["bash", str(ROOT / "deploy" / "run.sh")],
            cwd=ROOT,
            env=full_env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        try:
            text = Path(self.log.name).read_text(errors="replace")
        except FileNotFoundError:
            text = ""
        for name in ("supervisord.log", "error.log"):
            path = Path(self.prefix) / name
            if path.exists():
                text += f"\n--- {name}:\n" + path.read_text(errors="replace")[-4000:]
        return text

    def wait_healthy(self, timeout: float = 180) -> float:
        """Waits until nginx and, through it, every Streamlit process answer their health check."""
        return wait_until(
            lambda: healthy(self.url) and all(self.backend_healthy(i) for i in range(self.workers)),
            self.process,
            self.output,
            timeout,
            0.2,
        )

    def backend_healthy(self, index: int) -> bool:
        try:
            return http_get(f"{self.url}/_backends/{index}/health", timeout=2) == b"ok"
        except OSError:
            return False

    def worker_port(self, index: int) -> int:
        return self.base_port + index

    def streamlit_processes(self) -> list:
        """The Streamlit processes run.sh started (its descendants only), as psutil.Process."""
        import psutil

        found = []
        for child in psutil.Process(self.process.pid).children(recursive=True):
            try:
                if "streamlit" in child.cmdline():
                    found.append(child)
            except psutil.NoSuchProcess:
                continue
        return found

    def worker_pid(self, index: int) -> int | None:
        """The pid of the Streamlit process serving worker `index`."""
        import psutil

        flag = f"--server.port {self.worker_port(index)}"
        for proc in self.streamlit_processes():
            try:
                if flag in " ".join(proc.cmdline()):
                    return proc.pid
            except psutil.NoSuchProcess:
                continue
        return None

    def cpu_seconds_by_worker(self) -> dict[int, float]:
        """CPU time (user + system) each Streamlit process has used so far, by worker index."""
        import psutil

        out = {}
        for proc in self.streamlit_processes():
            try:
                port = int(proc.cmdline()[proc.cmdline().index("--server.port") + 1])
                out[port - self.base_port] = sum(proc.cpu_times()[:2])
            except (psutil.NoSuchProcess, ValueError, IndexError):
                pass
        return out

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        Path(self.log.name).unlink(missing_ok=True)
        shutil.rmtree(self.prefix, ignore_errors=True)
