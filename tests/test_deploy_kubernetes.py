"""deploy/kubernetes/: every manifest is valid against the Kubernetes schemas, and the
pieces agree with each other and with deploy/Dockerfile.

The schemas come with the kubernetes-validate package (no cluster, no network). The
invariants are what a schema cannot see: sessions stick to a pod, the probes ask
Streamlit's health path on the port it listens on, the image and its user are the
Dockerfile's, the pod cannot write its root filesystem or run as root, and the
allocator setting is the one run.sh and the image use.
"""

from __future__ import annotations

import copy
import re
import shlex
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MANIFESTS = ROOT / "deploy" / "kubernetes"
DOCKERFILE = (ROOT / "deploy" / "Dockerfile").read_text()
RUN_SH = (ROOT / "deploy" / "run.sh").read_text()
KUBERNETES_VERSION = "1.37.0"  # the newest schemas kubernetes-validate ships
HEALTH = "/_stcore/health"


def documents() -> list[tuple[Path, dict]]:
    out = []
    for path in sorted(MANIFESTS.glob("*.yaml")):
        out += [(path, doc) for doc in yaml.safe_load_all(path.read_text()) if doc]
    return out


def one(kind: str) -> dict:
    found = [doc for _, doc in documents() if doc["kind"] == kind]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def container() -> dict:
    containers = one("Deployment")["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


def cli_options(spec: dict) -> dict[str, str]:
    """--name=value options from a container's command and args."""
    words = [*spec.get("command", []), *spec.get("args", [])]
    return dict(w[2:].split("=", 1) for w in words if w.startswith("--") and "=" in w)


def container_port(spec: dict, port) -> int:
    if isinstance(port, int):
        return port
    return next(p["containerPort"] for p in spec["ports"] if p["name"] == port)


def dockerfile_env() -> dict[str, str]:
    env = {}
    for match in re.finditer(r"^ENV (.+?)(?<!\\)$", DOCKERFILE, re.M | re.S):
        text = match.group(1).replace("\\\n", " ")
        env.update(w.split("=", 1) for w in shlex.split(text))
    return env


@pytest.mark.parametrize("path", sorted(MANIFESTS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_manifest_is_valid_against_the_kubernetes_schemas(path):
    docs = [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    assert docs, f"{path.name} holds no resource"
    for doc in docs:
        # strict: a misspelt or misplaced field is an error, not silently ignored.
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest():
    """So that the test above can fail: a wrong type and an unknown field are caught."""
    deployment = copy.deepcopy(one("Deployment"))
    deployment["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"] = "http"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSION, strict=True)
    deployment = copy.deepcopy(one("Deployment"))
    deployment["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSION, strict=True)


def test_the_set_has_a_deployment_service_ingress_and_autoscaler():
    kinds = sorted(doc["kind"] for _, doc in documents())
    assert kinds == ["Deployment", "HorizontalPodAutoscaler", "Ingress", "Service"]


def test_probes_ask_the_health_path_on_the_port_streamlit_listens_on():
    spec = container()
    port = int(cli_options(spec)["server.port"])
    assert cli_options(spec)["server.address"] == "0.0.0.0"
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        check = spec[probe]["httpGet"]
        assert check["path"] == HEALTH, probe
        assert container_port(spec, check["port"]) == port, probe


def test_image_port_user_and_command_match_the_dockerfile():
    spec = container()
    build_tag = re.search(r"docker build -f deploy/Dockerfile -t (\S+) \.", DOCKERFILE).group(1)
    image = spec["image"].rsplit("/", 1)[-1]
    assert image.split(":")[0] == build_tag, (spec["image"], build_tag)
    assert ":" in image and not image.endswith(":latest"), "pin a tag, not latest"
    exposed = {int(p) for line in re.findall(r"^EXPOSE (.+)$", DOCKERFILE, re.M) for p in line.split()}
    assert int(cli_options(spec)["server.port"]) in exposed
    assert {p["containerPort"] for p in spec["ports"]} <= exposed
    # The command runs the entry point the image copies into its WORKDIR.
    assert spec["command"][:4] == ["python", "-m", "streamlit", "run"]
    assert f"COPY {spec['command'][4]} ./" in DOCKERFILE
    user = re.search(r"^USER (\d+)(?::(\d+))?$", DOCKERFILE, re.M)
    assert user, "the Dockerfile's USER must be numeric for runAsNonRoot"
    pod = one("Deployment")["spec"]["template"]["spec"]["securityContext"]
    assert pod["runAsUser"] == int(user.group(1)) != 0
    if user.group(2):
        assert pod["runAsGroup"] == int(user.group(2))


def test_pod_is_non_root_read_only_and_has_a_writable_tmp():
    template = one("Deployment")["spec"]["template"]["spec"]
    spec = container()
    assert template["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["readOnlyRootFilesystem"] is True
    assert spec["securityContext"]["allowPrivilegeEscalation"] is False
    assert spec["securityContext"]["capabilities"]["drop"] == ["ALL"]
    mounts = {m["mountPath"]: m["name"] for m in spec["volumeMounts"]}
    volumes = {v["name"]: v for v in template["volumes"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]
    env = {e["name"]: e.get("value") for e in spec["env"]}
    assert env["TMPDIR"] == "/tmp" and env["HOME"] == "/tmp"


def test_resources_have_requests_and_limits():
    resources = container()["resources"]
    units = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30}

    def memory(value: str) -> int:
        return int(value[:-2]) * units[value[-2:]]

    def cpu(value) -> float:
        return int(value[:-1]) / 1000 if str(value).endswith("m") else float(value)

    for kind in ("requests", "limits"):
        assert set(resources[kind]) == {"cpu", "memory"}, kind
    assert memory(resources["limits"]["memory"]) >= memory(resources["requests"]["memory"])
    assert cpu(resources["limits"]["cpu"]) >= cpu(resources["requests"]["cpu"])
    # One process loads pandas, pyarrow and plotly: ~170 MB before any session.
    assert memory(resources["requests"]["memory"]) >= 200 * 2**20


def test_allocator_setting_is_the_same_in_pod_image_and_run_sh():
    env = {e["name"]: e.get("value") for e in container()["env"]}
    default = re.search(r"MALLOC_ARENA_MAX=\$\{MALLOC_ARENA_MAX:-(\d+)\}", RUN_SH).group(1)
    assert env["MALLOC_ARENA_MAX"] == dockerfile_env()["MALLOC_ARENA_MAX"] == default


def test_service_selects_the_pods_and_targets_the_container_port():
    service, deployment = one("Service"), one("Deployment")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    for port in service["spec"]["ports"]:
        assert container_port(container(), port["targetPort"]) == int(cli_options(container())["server.port"])


def test_ingress_is_sticky_keeps_websockets_open_and_names_its_host():
    ingress, service = one("Ingress"), one("Service")
    notes = ingress["metadata"]["annotations"]
    assert ingress["spec"]["ingressClassName"] == "nginx"
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert notes["nginx.ingress.kubernetes.io/session-cookie-name"]
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[f"nginx.ingress.kubernetes.io/{timeout}"]) >= 3600, timeout
    hosts = [rule["host"] for rule in ingress["spec"]["rules"]]
    assert hosts and all(h and "*" not in h for h in hosts), "every rule names its host"
    assert set(hosts) <= {h for tls in ingress["spec"]["tls"] for h in tls["hosts"]}
    # Streamlit refuses WebSockets for any other Host (DNS rebinding).
    assert set(cli_options(container())["server.allowedHosts"].split(",")) == set(hosts)
    service_ports = {p["name"]: p["port"] for p in service["spec"]["ports"]}
    for rule in ingress["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            backend = path["backend"]["service"]
            assert backend["name"] == service["metadata"]["name"]
            assert (
                backend["port"].get("name") in service_ports or backend["port"].get("number") in service_ports.values()
            )


def test_autoscaler_scales_the_deployment_on_cpu():
    hpa, deployment = one("HorizontalPodAutoscaler"), one("Deployment")
    target = hpa["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"])
    assert hpa["spec"]["minReplicas"] >= 2, "one pod down must not take the site down"
    assert hpa["spec"]["maxReplicas"] > hpa["spec"]["minReplicas"]
    metrics = [m["resource"]["name"] for m in hpa["spec"]["metrics"] if m["type"] == "Resource"]
    assert "cpu" in metrics and "cpu" in container()["resources"]["requests"]
