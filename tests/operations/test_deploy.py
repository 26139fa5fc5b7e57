"""deploy/: what can be checked without a container engine. The image's entry point is run as the image
would run it (here, with this checkout's Python), compose.yaml describes PostgreSQL and two replicas behind
one port, and the proxy's upstream names both replicas. With the docker client and its compose plugin
installed, `docker compose config` validates the file too."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def instruction(name: str) -> list[str]:
    """A Dockerfile instruction in exec (JSON) form, e.g. ENTRYPOINT ["python", "-m", "milobot"]."""
    text = (DEPLOY / "Dockerfile").read_text()
    found = re.findall(rf"^{name}\s+(\[.*\])\s*$", text, flags=re.MULTILINE)
    assert len(found) == 1, f"one {name} in exec form expected, found {found}"
    return json.loads(found[0])


def test_the_images_entry_point_runs_milobot_help():
    entrypoint, cmd = instruction("ENTRYPOINT"), instruction("CMD")
    assert entrypoint[:1] == ["python"], entrypoint
    # The image's python is its only python; here it is this virtualenv's.
    run = [sys.executable, *entrypoint[1:]]
    helped = subprocess.run([*run, "--help"], capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0, helped.stderr
    assert "serve" in helped.stdout and "migrate" in helped.stdout
    # The default command is a real subcommand, and so is the one the compose file's migrate service runs.
    assert cmd == ["serve"]
    for sub in (cmd, ["migrate"]):
        result = subprocess.run([*run, *sub, "--help"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr


def test_the_image_copies_what_the_package_needs_and_runs_unprivileged():
    text = (DEPLOY / "Dockerfile").read_text()
    for path in ("pyproject.toml", "README.md", "milobot"):  # pyproject names README.md as its readme
        assert re.search(rf"^COPY .*\b{re.escape(path)}\b", text, flags=re.MULTILINE), path
        assert (ROOT / path).exists()
    assert re.search(r"^USER \S+", text, flags=re.MULTILINE)
    assert "MILOBOT_DATA_DIR=/data" in text


def test_compose_has_postgres_and_two_replicas_behind_one_port():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"postgres", "migrate", "milobot-1", "milobot-2", "proxy"} <= set(services)
    replicas = [services["milobot-1"], services["milobot-2"]]
    for replica in replicas:
        assert replica["build"]["dockerfile"] == "deploy/Dockerfile"
        assert (DEPLOY / replica["build"]["context"] / replica["build"]["dockerfile"]).exists()
        assert replica["environment"]["DATABASE_URL"].startswith("postgresql://")
        assert "@postgres:5432/" in replica["environment"]["DATABASE_URL"]
        assert replica["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert "ports" not in replica  # reached only through the proxy
    assert replicas[0]["volumes"] == replicas[1]["volumes"]  # one data folder for both
    assert services["migrate"]["command"] == ["migrate"]
    assert services["proxy"]["ports"] == ["3000:80"]
    assert len([s for s in services.values() if s.get("ports")]) == 1  # one port for the whole thing

    nginx = (DEPLOY / "nginx.conf").read_text()
    upstream = re.search(r"upstream milobot \{(.*?)\}", nginx, flags=re.DOTALL).group(1)
    assert re.findall(r"server (\S+):3000", upstream) == ["milobot-1", "milobot-2"]
    assert "proxy_pass http://milobot;" in nginx
    env_example = (DEPLOY / "milobot.env.example").read_text()
    assert "MILOBOT_SECRET_KEY=" in env_example  # required on PostgreSQL


def _compose_cli() -> list[str] | None:
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True)
        if probe.returncode == 0:
            return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def test_docker_compose_accepts_the_file(tmp_path):
    cli = _compose_cli()
    if cli is None:
        pytest.skip("no `docker compose` plugin or docker-compose here to validate compose.yaml with")
    env = DEPLOY / "milobot.env"
    made = not env.exists()
    if made:
        shutil.copy(DEPLOY / "milobot.env.example", env)
    try:
        result = subprocess.run(
            [*cli, "-f", str(DEPLOY / "compose.yaml"), "config", "--quiet"], capture_output=True, text=True
        )
    finally:
        if made:
            env.unlink()
    assert result.returncode == 0, result.stderr
