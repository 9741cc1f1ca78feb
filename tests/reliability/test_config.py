"""Settings: the committed Streamlit configuration keeps the server's
protections on, sends no telemetry, and shows users no error details; and Streamlit
itself, started from the project folder, reads those values."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from tests.reliability.helpers import ROOT

CONFIG = ROOT / ".streamlit" / "config.toml"
REQUIRED = {
    # No telemetry: with true, the browser fetches https://data.streamlit.io/metrics.json.
    ("browser", "gatherUsageStats"): False,
    # A WebSocket from a foreign Origin gets 403 (enableCORS); uploads need the XSRF token.
    ("server", "enableCORS"): True,
    ("server", "enableXsrfProtection"): True,
    # Development mode relaxes CORS headers and shows developer menus.
    ("global", "developmentMode"): False,
    ("server", "headless"): True,
    ("client", "toolbarMode"): "viewer",
    # Streamlit's own table export does not escape formulas; ours does.
    ("client", "disableDataExport"): True,
}


def test_config_file_sets_the_protections():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    for (section, key), expected in REQUIRED.items():
        assert config.get(section, {}).get(key) == expected, f"[{section}] {key} must be {expected!r}"
    # Users see at most the error's type: no message, traceback or file path.
    assert config["client"]["showErrorDetails"] in ("type", "none", False)
    assert "corsAllowedOrigins" not in config.get("server", {}), "no extra origins may open the WebSocket"


def test_streamlit_reads_the_same_values_from_the_project_folder():
    """What Streamlit actually uses when started from the project folder, as `make run` does."""
    code = (
        "import json, streamlit.config as c; c.get_config_options(force_reparse=True);"
        "print(json.dumps({k: c.get_option(k) for k in ("
        "'browser.gatherUsageStats','server.enableCORS','server.enableXsrfProtection',"
        "'global.developmentMode','client.showErrorDetails','client.toolbarMode','client.disableDataExport')}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    import json

    effective = json.loads(out.stdout.strip().splitlines()[-1])
    assert effective["browser.gatherUsageStats"] is False
    assert effective["server.enableCORS"] is True
    assert effective["server.enableXsrfProtection"] is True
    assert effective["global.developmentMode"] is False
    assert effective["client.showErrorDetails"] in ("type", "none", False)
    assert effective["client.toolbarMode"] == "viewer"
    assert effective["client.disableDataExport"] is True


@pytest.mark.parametrize("name", ["missing", "bad_cell"])
def test_data_error_messages_carry_no_absolute_path(tmp_path, name):
    """What a user reads on a data problem names the file relative to the data folder."""
    import shutil

    from components.loader import load_table_or_error

    data = tmp_path / "deep" / "secret-folder" / "data"
    shutil.copytree(ROOT / "data", data)
    if name == "missing":
        (data / "sources.csv").unlink()
    else:
        text = (data / "sources.csv").read_text(encoding="utf-8").splitlines()
        text[2] = "bad id" + text[2][text[2].index(",") :]
        (data / "sources.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    frame, message = load_table_or_error("populations", data)
    assert frame is None and message.startswith("data/sources.csv")
    assert str(tmp_path) not in message and "secret-folder" not in message and str(ROOT) not in message
