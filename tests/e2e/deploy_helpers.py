"""deploy/run.sh started for a test: nginx and supervised Streamlit processes on free
loopback ports, stopped by its own process group."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

from tests.e2e.conftest import ROOT, free_port


def free_port_run(count: int) -> int:
    """A port p with p+1 ... p+count-1 also free (run.sh puts processes on consecutive ports)."""
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


def get(url: str, timeout: float = 5) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


class Deployment:
    def __init__(self, nginx: str, workers: int = 2, env: dict | None = None):
        self.workers = workers
        self.port, self.base_port = free_port(), free_port_run(workers)
        self.url = f"http://127.0.0.1:{self.port}"
        self.prefix = tempfile.mkdtemp(prefix="deploy-test-")
        self.log = tempfile.NamedTemporaryFile(prefix="deploy-", suffix=".log", delete=False)
        full_env = {
            **os.environ,
            "WORKERS": str(workers),
            "PORT": str(self.port),
            "BASE_PORT": str(self.base_port),
            "PYTHON": sys.executable,
            "NGINX": nginx,
            "PREFIX": self.prefix,
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
        text = Path(self.log.name).read_text(errors="replace")
        for name in ("supervisord.log", "error.log"):
            path = Path(self.prefix) / name
            if path.exists():
                text += f"\n--- {name}:\n" + path.read_text(errors="replace")[-4000:]
        return text

    def wait_healthy(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while True:  # polling the health endpoints, not waiting on the UI
            if self.process.poll() is not None:
                raise RuntimeError(f"deploy/run.sh exited with {self.process.returncode}:\n{self.output()}")
            try:
                if get(f"{self.url}/_stcore/health") == b"ok" and all(
                    self.backend_healthy(i) for i in range(self.workers)
                ):
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"not healthy after {timeout} s:\n{self.output()}")
            time.sleep(0.2)

    def backend_healthy(self, index: int) -> bool:
        try:
            return get(f"{self.url}/_backends/{index}/health", timeout=2) == b"ok"
        except OSError:
            return False

    def worker_port(self, index: int) -> int:
        return self.base_port + index

    def worker_pid(self, index: int) -> int | None:
        """The pid of the Streamlit process serving worker `index` (run.sh's descendants only)."""
        flag = f"--server.port {self.worker_port(index)}"
        for child in psutil.Process(self.process.pid).children(recursive=True):
            try:
                if "streamlit" in child.cmdline() and flag in " ".join(child.cmdline()):
                    return child.pid
            except psutil.NoSuchProcess:
                continue
        return None

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)  # run.sh stops supervisord, which stops the rest
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        Path(self.log.name).unlink(missing_ok=True)
