#!/usr/bin/env python3
"""Checks the objects rendered by `helm template --include-crds charts/keda4j` (read from stdin).

Usage: helm template ... | scripts/helm_check.py SCENARIO RELEASE_NAMESPACE [STANDALONE_MANIFEST...]
       scripts/helm_check.py smoke RENDERED.yaml KEDA4J_JAR

STANDALONE_MANIFESTs (apiservice/*.yaml) must hold only objects the chart renders, with the same spec.

SCENARIO is one of: default, options, certmanager (see scripts/helm.sh for the values of each).
Prints one line per problem and exits 1 if there is any; prints a summary and exits 0 otherwise.

The RBAC check evaluates the rendered Roles/ClusterRoles and their bindings to the keda4j ServiceAccount
(plus the bootstrap roles the chart binds to) against the Kubernetes calls keda4j makes, and proves there is
no list/watch on Secrets anywhere and no cluster-wide Secret access when watchNamespace is set.
"""
import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # pragma: no cover
    print("helm_check.py: PyYAML is required (apt-get install python3-yaml or pip install pyyaml)")
    sys.exit(2)

PROBLEMS = []


def problem(msg):
    PROBLEMS.append(msg)


# Bootstrap roles of kube-apiserver the chart binds to (their rules, as shipped by Kubernetes).
BOOTSTRAP_CLUSTER_ROLES = {
    "system:auth-delegator": [
        {"apiGroups": ["authentication.k8s.io"], "resources": ["tokenreviews"], "verbs": ["create"]},
        {"apiGroups": ["authorization.k8s.io"], "resources": ["subjectaccessreviews"], "verbs": ["create"]},
    ],
}
BOOTSTRAP_ROLES = {
    ("kube-system", "extension-apiserver-authentication-reader"): [
        {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"],
         "resourceNames": ["extension-apiserver-authentication"]},
    ],
}

SCENARIOS = {
    "default": {
        "fullname": "keda4j",
        "watch": [],
        "secret": "keda4j-certs",
        "mount": "/certs",
        "https_port": 443,
        "metrics_service": True,
        "cert_mode": "generated",
        "log_level": "info",
        "resources": {"requests": {"cpu": "100m", "memory": "256Mi"}, "limits": {"cpu": "1", "memory": "1000Mi"}},
        "adapter": True,
        "replicas": 2,
        "adapter_replicas": 1,
        "lease": ("keda4j-operator", "15s", "10s", "2s"),
        "anti_affinity": "preferred",
    },
    "options": {
        "fullname": "autoscaler",
        "watch": ["team-a", "team-b", "keda"],
        "secret": "my-keda4j-certs",
        "mount": "/etc/keda4j/certs",
        "https_port": 8443,
        "metrics_service": False,
        "cert_mode": "given",
        "log_level": "debug",
        "resources": {"requests": {"cpu": "250m", "memory": "512Mi"}, "limits": {"cpu": "2", "memory": "2Gi"}},
        "extra_kinds": [("argoproj.io", "rollouts")],
        "adapter": False,
        "replicas": 1,
        "lease": ("keda4j-operator", "15s", "10s", "2s"),
        "anti_affinity": "preferred",
    },
    "certmanager": {
        "fullname": "keda4j",
        "watch": [],
        "secret": "keda4j-certs",
        "mount": "/certs",
        "https_port": 443,
        "metrics_service": True,
        "cert_mode": "certmanager",
        "log_level": "info",
        "resources": None,
        "adapter": True,
        "replicas": 2,
        "adapter_replicas": 1,
        "lease": ("keda4j-operator", "15s", "10s", "2s"),
        "anti_affinity": "preferred",
    },
    "ha": {
        "fullname": "keda4j",
        "watch": ["apps"],
        "secret": "keda4j-certs",
        "mount": "/certs",
        "https_port": 443,
        "metrics_service": True,
        "cert_mode": "generated",
        "log_level": "info",
        "resources": None,
        "adapter": True,
        "replicas": 3,
        "adapter_replicas": 2,
        "lease": ("keda4j-ha", "20s", "12s", "3s"),
        "anti_affinity": "required",
        "netpol": True,
        "pdb": True,
    },
}

# The flags each subcommand accepts (README.md "Configuration", issue #8): a rendered flag outside these lists is
# a chart bug (misspelt flag) even before the jar is run.
RUN_FLAGS = {
    "--kubeconfig", "--watch-namespace", "--metrics-bind-address", "--health-probe-bind-address", "--secure-port",
    "--cert-dir", "--log-level", "--leader-elect", "--leader-election-id", "--leader-election-namespace",
    "--lease-duration", "--renew-deadline", "--retry-period", "--serve-metrics-api", "--metrics-channel-port",
    "--channel-cert-dir", "--normal-event-burst", "--normal-events-per-second",
}
ADAPTER_FLAGS = {
    "--secure-port", "--cert-dir", "--channel-cert-dir", "--leader-election-namespace", "--leader-election-id",
    "--kubeconfig", "--log-level", "--metrics-bind-address", "--health-probe-bind-address", "--metrics-channel-port",
}


def find(objs, kind, name=None, namespace=None):
    out = []
    for o in objs:
        if o.get("kind") != kind:
            continue
        md = o.get("metadata", {})
        if name is not None and md.get("name") != name:
            continue
        if namespace is not None and md.get("namespace") != namespace:
            continue
        out.append(o)
    return out


def one(objs, kind, name, namespace=None):
    found = find(objs, kind, name, namespace)
    if len(found) != 1:
        where = f" in namespace {namespace}" if namespace else ""
        problem(f"expected exactly one {kind} {name}{where}, found {len(found)}")
        return None
    return found[0]


def matches(values, wanted):
    return "*" in values or wanted in values


def rule_allows(rule, verb, group, resource, name):
    if not matches(rule.get("apiGroups", []), group):
        return False
    if not matches(rule.get("verbs", []), verb):
        return False
    resources = rule.get("resources", [])
    ok = resource in resources or "*" in resources
    if not ok and "/" in resource:
        sub = resource.split("/", 1)[1]
        ok = ("*/" + sub) in resources
    if not ok:
        return False
    names = rule.get("resourceNames")
    if names:
        return name is not None and name in names
    return True


class Rbac:
    """The rules that apply to one ServiceAccount: [(namespace or None for cluster-wide, rule)]."""

    def __init__(self, objs, sa_name, sa_ns):
        self.grants = []
        subject = ("ServiceAccount", sa_name, sa_ns)
        cluster_roles = {o["metadata"]["name"]: o.get("rules") or [] for o in find(objs, "ClusterRole")}
        cluster_roles.update({k: v for k, v in BOOTSTRAP_CLUSTER_ROLES.items() if k not in cluster_roles})
        roles = {(o["metadata"].get("namespace"), o["metadata"]["name"]): o.get("rules") or []
                 for o in find(objs, "Role")}
        for k, v in BOOTSTRAP_ROLES.items():
            roles.setdefault(k, v)
        for b in find(objs, "ClusterRoleBinding") + find(objs, "RoleBinding"):
            subs = {(s.get("kind"), s.get("name"), s.get("namespace")) for s in b.get("subjects") or []}
            if subject not in subs:
                continue
            ref = b.get("roleRef", {})
            bns = b["metadata"].get("namespace") if b["kind"] == "RoleBinding" else None
            if ref.get("kind") == "ClusterRole":
                rules = cluster_roles.get(ref.get("name"))
            else:
                rules = roles.get((bns, ref.get("name")))
            if rules is None:
                problem(f"{b['kind']} {b['metadata']['name']} refers to {ref.get('kind')} {ref.get('name')}, "
                        "which is neither rendered nor a known bootstrap role")
                continue
            for r in rules:
                self.grants.append((bns, r))

    def can(self, verb, group, resource, namespace=None, name=None):
        """namespace None = a cluster-wide request (all namespaces or a cluster-scoped resource)."""
        for ns, rule in self.grants:
            if ns is not None and ns != namespace:
                continue
            if rule_allows(rule, verb, group, resource, name):
                return True
        return False


def container_port(container, port):
    if isinstance(port, int):
        return port
    for p in container.get("ports") or []:
        if p.get("name") == port:
            return p.get("containerPort")
    problem(f"container {container.get('name')} has no port named {port}")
    return None


def check(objs, scenario, ns, standalone):
    sc = SCENARIOS[scenario]
    fn = sc["fullname"]
    svc_name = fn + "-metrics-apiserver"

    # --- CRDs (from crds/, rendered by --include-crds)
    for plural in ("scaledobjects", "scaledjobs", "triggerauthentications", "clustertriggerauthentications"):
        one(objs, "CustomResourceDefinition", f"{plural}.keda.sh")

    # --- namespaces of namespaced objects
    allowed_ns = {ns, "kube-system"} | set(sc["watch"])
    for o in objs:
        if o["kind"] in ("CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "APIService"):
            if o["metadata"].get("namespace"):
                problem(f"cluster-scoped {o['kind']} {o['metadata']['name']} has a namespace")
            continue
        if o["metadata"].get("namespace") not in allowed_ns:
            problem(f"{o['kind']} {o['metadata']['name']} is in namespace {o['metadata'].get('namespace')!r}, "
                    f"expected one of {sorted(allowed_ns)}")

    # --- ServiceAccounts + Deployments
    sa = one(objs, "ServiceAccount", fn, ns)
    dep = one(objs, "Deployment", fn, ns)
    c = check_controller(dep, sc, ns, fn)
    ac = None
    adapter_labels = {}
    controller_labels = (dep or {}).get("spec", {}).get("template", {}).get("metadata", {}).get("labels") or {}
    if sc["adapter"]:
        asa = one(objs, "ServiceAccount", svc_name, ns)
        adep = one(objs, "Deployment", svc_name, ns)
        ac = check_adapter(adep, sc, ns, fn, svc_name)
        adapter_labels = (adep or {}).get("spec", {}).get("template", {}).get("metadata", {}).get("labels") or {}
        if asa is None:
            problem("no ServiceAccount for the metrics adapter")
    else:
        asa = None
        if find(objs, "Deployment", svc_name, ns):
            problem(f"Deployment {svc_name} rendered although metricsAdapter.enabled=false")
    if len(find(objs, "Deployment")) != (2 if sc["adapter"] else 1):
        problem(f"expected {2 if sc['adapter'] else 1} Deployments, found {len(find(objs, 'Deployment'))}")
    api_labels, api_c = (adapter_labels, ac) if sc["adapter"] else (controller_labels, c)

    # --- Services
    s = one(objs, "Service", svc_name, ns)
    if s:
        sel = s["spec"].get("selector") or {}
        if not sel or any(api_labels.get(k) != v for k, v in sel.items()):
            problem(f"Service {svc_name} selector {sel} does not select the pods serving the metrics API")
        if sc["adapter"] and sel and all(controller_labels.get(k) == v for k, v in sel.items()):
            problem(f"Service {svc_name} selector {sel} also selects the controller pods")
        https = [p for p in s["spec"].get("ports") or [] if p.get("name") == "https"]
        if not https or https[0].get("port") != sc["https_port"]:
            problem(f"Service {svc_name} has no https port {sc['https_port']}")
        elif api_c is not None and container_port(api_c, https[0].get("targetPort")) != 6443:
            problem(f"Service {svc_name} https does not target container port 6443")
    ms = find(objs, "Service", fn + "-metrics", ns)
    if sc["metrics_service"]:
        if len(ms) != 1:
            problem(f"expected Service {fn}-metrics")
        else:
            if c is not None and container_port(c, ms[0]["spec"]["ports"][0].get("targetPort")) != 8080:
                problem(f"Service {fn}-metrics does not target container port 8080")
            msel = ms[0]["spec"].get("selector") or {}
            if any(controller_labels.get(k) != v for k, v in msel.items()):
                problem(f"Service {fn}-metrics does not select the controller pods")
    elif ms:
        problem(f"Service {fn}-metrics rendered although prometheus.enabled=false")

    check_channel(objs, sc, ns, fn)
    check_netpol_pdb(objs, sc, ns, fn, controller_labels, adapter_labels)

    # --- APIService
    api = one(objs, "APIService", "v1beta1.external.metrics.k8s.io")
    if api:
        sp = api["spec"]
        if sp.get("group") != "external.metrics.k8s.io" or sp.get("version") != "v1beta1":
            problem("APIService group/version is not external.metrics.k8s.io/v1beta1")
        if sp.get("insecureSkipTLSVerify") not in (False, None):
            problem("APIService insecureSkipTLSVerify is set")
        ref = sp.get("service") or {}
        if (ref.get("name"), ref.get("namespace"), ref.get("port")) != (svc_name, ns, sc["https_port"]):
            problem(f"APIService points at {ref}, expected {svc_name}.{ns}:{sc['https_port']}")
        ann = (api["metadata"].get("annotations") or {}).get("cert-manager.io/inject-ca-from")
        if sc["cert_mode"] == "certmanager":
            if ann != f"{ns}/{fn}-tls-certificates":
                problem(f"APIService inject-ca-from annotation is {ann!r}")
            if sp.get("caBundle"):
                problem("APIService has a caBundle although cert-manager injects it")
            crt = one(objs, "Certificate", fn + "-tls-certificates", ns)
            if crt and crt["spec"].get("secretName") != sc["secret"]:
                problem("cert-manager Certificate does not write the mounted Secret")
            if crt and f"{svc_name}.{ns}.svc" not in crt["spec"].get("dnsNames", []):
                problem(f"cert-manager Certificate lacks DNS name {svc_name}.{ns}.svc")
        else:
            if not sp.get("caBundle"):
                problem("APIService has no caBundle")
            if find(objs, "Certificate") or find(objs, "Issuer"):
                problem("cert-manager objects rendered although certManager.enabled=false")
        if sc["cert_mode"] == "generated":
            sec = one(objs, "Secret", sc["secret"], ns)
            if sec:
                data = sec.get("data") or {}
                missing = [k for k in ("ca.crt", "tls.crt", "tls.key") if not data.get(k)]
                if missing:
                    problem(f"Secret {sc['secret']} lacks {missing}")
                elif data["ca.crt"] != sp.get("caBundle"):
                    problem("APIService caBundle is not the CA stored in the Secret")
                else:
                    verify_cert(data, [svc_name, f"{svc_name}.{ns}", f"{svc_name}.{ns}.svc",
                                       f"{svc_name}.{ns}.svc.cluster.local"])
        elif find(objs, "Secret"):
            problem("a Secret is rendered although certificates are not auto-generated")

    # --- RBAC
    if sa:
        check_rbac(Rbac(objs, fn, ns), objs, sc, ns, fn)
    if asa:
        check_adapter_rbac(Rbac(objs, svc_name, ns), sc, ns, svc_name)
        if Rbac(objs, fn, ns).can("create", "authentication.k8s.io", "tokenreviews"):
            problem("RBAC: the controller may create TokenReviews although the adapter Deployment serves the API")

    # --- standalone manifests in apiservice/ agree with the chart
    for path in standalone:
        check_standalone(objs, path)


def flag_values(args):
    out = {}
    for a in args:
        name, _, value = a.partition("=")
        out[name] = value
    return out


def check_pod_basics(dep, sc, fn, sa_name, kind):
    """Selector, ServiceAccount, pod and container hardening, probes, /tmp. Returns the container or None."""
    if not dep:
        return None
    pod = dep["spec"]["template"]
    labels = pod["metadata"].get("labels") or {}
    sel = dep["spec"]["selector"].get("matchLabels") or {}
    if not sel or any(labels.get(k) != v for k, v in sel.items()):
        problem(f"{kind} Deployment selector does not match its pod template labels")
    if sel.get("app.kubernetes.io/component") != labels.get("app.kubernetes.io/component") or not sel.get(
            "app.kubernetes.io/component"):
        problem(f"{kind} Deployment selector does not include app.kubernetes.io/component (two Deployments)")
    spec = pod["spec"]
    if spec.get("serviceAccountName") != sa_name:
        problem(f"{kind} serviceAccountName is {spec.get('serviceAccountName')!r}, expected {sa_name!r}")
    psc = spec.get("securityContext") or {}
    if psc.get("runAsNonRoot") is not True:
        problem(f"{kind} pod securityContext.runAsNonRoot is not true")
    if (psc.get("seccompProfile") or {}).get("type") != "RuntimeDefault":
        problem(f"{kind} pod seccompProfile is not RuntimeDefault")
    cs = spec.get("containers") or []
    if len(cs) != 1:
        problem(f"{kind} Deployment has {len(cs)} containers, expected 1")
        return None
    c = cs[0]
    csc = c.get("securityContext") or {}
    if csc.get("readOnlyRootFilesystem") is not True:
        problem(f"{kind} container readOnlyRootFilesystem is not true")
    if csc.get("allowPrivilegeEscalation") is not False:
        problem(f"{kind} container allowPrivilegeEscalation is not false")
    if (csc.get("capabilities") or {}).get("drop") != ["ALL"]:
        problem(f"{kind} container does not drop ALL capabilities")
    if csc.get("runAsNonRoot") is not True and psc.get("runAsNonRoot") is not True:
        problem(f"{kind} container may run as root")
    for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
        hg = (c.get(probe) or {}).get("httpGet") or {}
        if hg.get("path") != path or container_port(c, hg.get("port")) != 8081:
            problem(f"{kind} {probe} is not GET {path} on 8081 (got {hg})")
    res = c.get("resources") or {}
    if not res.get("requests") or not res.get("limits"):
        problem(f"{kind} container has no resource requests/limits")
    if not any(m.get("mountPath") == "/tmp" for m in c.get("volumeMounts") or []):
        problem(f"{kind}: no writable /tmp (read-only root filesystem needs an emptyDir for the JVM)")
    env = {e["name"]: e for e in c.get("env") or []}
    pn = env.get("POD_NAMESPACE", {})
    if ((pn.get("valueFrom") or {}).get("fieldRef") or {}).get("fieldPath") != "metadata.namespace":
        problem(f"{kind} env POD_NAMESPACE is not from the downward API metadata.namespace")
    return c


def mounted_secret(dep, c, path):
    """Name of the Secret mounted read-only at path, or None (with a problem)."""
    mounts = [m for m in c.get("volumeMounts") or [] if m.get("mountPath") == path]
    if not mounts:
        problem(f"{c.get('name')}: no volume mounted at {path}")
        return None
    if mounts[0].get("readOnly") is not True:
        problem(f"{c.get('name')}: {path} is not mounted read-only")
    vols = {v["name"]: v for v in dep["spec"]["template"]["spec"].get("volumes") or []}
    return ((vols.get(mounts[0]["name"]) or {}).get("secret") or {}).get("secretName")


def check_controller(dep, sc, ns, fn):
    c = check_pod_basics(dep, sc, fn, fn, "controller")
    if not c:
        return c
    if dep["spec"].get("replicas") != sc["replicas"]:
        problem(f"controller replicas {dep['spec'].get('replicas')}, expected {sc['replicas']}")
    if c.get("command") != ["java", "-jar", "/app/keda4j.jar", "run"]:
        problem(f"container command is {c.get('command')}, expected java -jar /app/keda4j.jar run")
    args = c.get("args") or []
    fv = flag_values(args)
    for name in fv:
        if name not in RUN_FLAGS:
            problem(f"controller arg {name} is not a flag of keda4j run")
    lease_id, dur, renew, retry = sc["lease"]
    want = {"--metrics-bind-address": ":8080", "--health-probe-bind-address": ":8081",
            "--log-level": sc["log_level"], "--leader-elect": "true", "--leader-election-id": lease_id,
            "--leader-election-namespace": ns, "--lease-duration": dur, "--renew-deadline": renew,
            "--retry-period": retry, "--normal-event-burst": "25", "--normal-events-per-second": "1"}
    # --serve-metrics-api, --metrics-channel-port and --channel-cert-dir are set through their environment
    # variables (KEDA4J_*), which `keda4j run` reads whether or not the flags are declared on the command
    want_env = {"KEDA4J_SERVE_METRICS_API": "false" if sc["adapter"] else "true",
                "KEDA4J_METRICS_CHANNEL_PORT": "9666" if sc["adapter"] else "0"}
    if sc["adapter"]:
        want_env["KEDA4J_CHANNEL_CERT_DIR"] = "/channel-certs"
        for absent in ("--secure-port", "--cert-dir"):
            if absent in fv:
                problem(f"controller gets {absent} although the adapter Deployment serves the API")
    else:
        want.update({"--secure-port": "6443", "--cert-dir": sc["mount"]})
    for k, v in want.items():
        if fv.get(k) != v:
            problem(f"controller arg {k}={v} missing (have {args})")
    env_values = {e["name"]: e.get("value") for e in c.get("env") or []}
    for k, v in want_env.items():
        if env_values.get(k) != v:
            problem(f"controller env {k}={v!r} missing (have {env_values.get(k)!r})")
    ports = {p.get("containerPort") for p in c.get("ports") or []}
    for p in (8080, 8081, 9666 if sc["adapter"] else 6443):
        if p not in ports:
            problem(f"controller container does not declare port {p}")
    env = {e["name"]: e for e in c.get("env") or []}
    we = env.get("WATCH_NAMESPACE")
    if we is None:
        problem("env WATCH_NAMESPACE is not set (KEDA requires it to be set, even empty)")
    elif we.get("value") != ",".join(sc["watch"]):
        problem(f"WATCH_NAMESPACE is {we.get('value')!r}, expected {','.join(sc['watch'])!r}")
    for name, field in (("POD_NAME", "metadata.name"), ("POD_IP", "status.podIP")):
        e = env.get(name, {})
        if ((e.get("valueFrom") or {}).get("fieldRef") or {}).get("fieldPath") != field:
            problem(f"controller env {name} is not from the downward API {field} (Lease holder <POD_NAME>_<POD_IP>)")
    if sc["resources"] and c.get("resources") != sc["resources"]:
        problem(f"container resources are {c.get('resources')}, expected {sc['resources']}")
    if sc["adapter"]:
        secret = mounted_secret(dep, c, "/channel-certs")
        if secret != f"{fn}-channel-controller":
            problem(f"controller /channel-certs is {secret!r}, expected {fn}-channel-controller")
        if any(m.get("mountPath") == sc["mount"] for m in c.get("volumeMounts") or []):
            problem("controller mounts the metrics API serving certificate although it does not serve the API")
    else:
        secret = mounted_secret(dep, c, sc["mount"])
        if secret != sc["secret"]:
            problem(f"controller {sc['mount']} is {secret!r}, expected {sc['secret']}")
    check_spread(dep, sc["anti_affinity"] if sc["replicas"] > 1 else None, "controller", zone=True)
    return c


def check_spread(dep, mode, kind, zone=False):
    spec = dep["spec"]["template"]["spec"]
    labels = dep["spec"]["selector"]["matchLabels"]
    if mode:
        aa = (spec.get("affinity") or {}).get("podAntiAffinity") or {}
        if mode == "preferred":
            terms = [t.get("podAffinityTerm") or {} for t in aa.get("preferredDuringSchedulingIgnoredDuringExecution") or []]
        else:
            terms = aa.get("requiredDuringSchedulingIgnoredDuringExecution") or []
        if not any(t.get("topologyKey") == "kubernetes.io/hostname"
                   and (t.get("labelSelector") or {}).get("matchLabels") == labels for t in terms):
            problem(f"{kind}: no {mode} pod anti-affinity on kubernetes.io/hostname for its own pods")
    if zone:
        tsc = spec.get("topologySpreadConstraints") or []
        if not any(t.get("topologyKey") == "topology.kubernetes.io/zone"
                   and (t.get("labelSelector") or {}).get("matchLabels") == labels for t in tsc):
            problem(f"{kind}: no zone topology spread constraint for its own pods")


def check_adapter(dep, sc, ns, fn, name):
    c = check_pod_basics(dep, sc, fn, name, "adapter")
    if not c:
        return c
    if dep["spec"].get("replicas") != sc["adapter_replicas"]:
        problem(f"adapter replicas {dep['spec'].get('replicas')}, expected {sc['adapter_replicas']}")
    if c.get("command") != ["java", "-jar", "/app/keda4j.jar", "adapter"]:
        problem(f"adapter command is {c.get('command')}, expected java -jar /app/keda4j.jar adapter")
    args = c.get("args") or []
    fv = flag_values(args)
    for flag in fv:
        if flag not in ADAPTER_FLAGS:
            problem(f"adapter arg {flag} is not a flag of keda4j adapter")
    want = {"--secure-port": "6443", "--cert-dir": sc["mount"], "--channel-cert-dir": "/channel-certs",
            "--metrics-channel-port": "9666",
            "--leader-election-namespace": ns, "--leader-election-id": sc["lease"][0],
            "--log-level": sc["log_level"], "--metrics-bind-address": ":8080", "--health-probe-bind-address": ":8081"}
    for k, v in want.items():
        if fv.get(k) != v:
            problem(f"adapter arg {k}={v} missing (have {args})")
    ports = {p.get("containerPort") for p in c.get("ports") or []}
    for p in (6443, 8080, 8081):
        if p not in ports:
            problem(f"adapter container does not declare port {p}")
    if mounted_secret(dep, c, sc["mount"]) != sc["secret"]:
        problem(f"adapter {sc['mount']} is not the Secret {sc['secret']}")
    if mounted_secret(dep, c, "/channel-certs") != f"{fn}-channel-adapter":
        problem(f"adapter /channel-certs is not the Secret {fn}-channel-adapter")
    check_spread(dep, sc["anti_affinity"] if sc["adapter_replicas"] > 1 else None, "adapter")
    return c


def check_channel(objs, sc, ns, fn):
    names = (f"{fn}-channel-controller", f"{fn}-channel-adapter")
    if not sc["adapter"]:
        for n in names:
            if find(objs, "Secret", n) or find(objs, "Certificate", n):
                problem(f"channel certificate {n} rendered although metricsAdapter.enabled=false")
        return
    if sc["cert_mode"] == "generated":
        secs = [one(objs, "Secret", n, ns) for n in names]
        if not all(secs):
            return
        data = [x.get("data") or {} for x in secs]
        if any(not d.get(k) for d in data for k in ("ca.crt", "tls.crt", "tls.key")):
            problem("a channel Secret lacks ca.crt, tls.crt or tls.key")
            return
        if data[0]["ca.crt"] != data[1]["ca.crt"]:
            problem("the two channel Secrets do not share one CA")
        if data[0]["tls.key"] == data[1]["tls.key"]:
            problem("the controller and the adapter share one channel key")
        api_secret = find(objs, "Secret", sc["secret"], ns)
        if api_secret and (api_secret[0].get("data") or {}).get("ca.crt") == data[0]["ca.crt"]:
            problem("the channel CA is the APIService CA (the aggregator-facing certificate could open the channel)")
        for d in data:
            verify_cert(d, [], client=True)
    elif sc["cert_mode"] == "certmanager":
        for side, n in zip(("controller", "adapter"), names):
            crt = one(objs, "Certificate", f"{fn}-channel-{side}", ns)
            if crt:
                if crt["spec"].get("secretName") != n:
                    problem(f"cert-manager Certificate {fn}-channel-{side} does not write Secret {n}")
                if sorted(crt["spec"].get("usages") or []) != ["client auth", "server auth"]:
                    problem(f"cert-manager Certificate {fn}-channel-{side} lacks server+client auth usages")
                if (crt["spec"].get("issuerRef") or {}).get("name") != f"{fn}-channel-issuer":
                    problem(f"cert-manager Certificate {fn}-channel-{side} is not issued by the channel CA issuer")
        iss = one(objs, "Issuer", f"{fn}-channel-issuer", ns)
        if iss and (iss["spec"].get("ca") or {}).get("secretName") != f"{fn}-channel-ca":
            problem("channel Issuer does not sign with the channel CA")


def selects(selector, labels):
    ml = (selector or {}).get("matchLabels") or {}
    return bool(ml) and all(labels.get(k) == v for k, v in ml.items())


def check_netpol_pdb(objs, sc, ns, fn, controller_labels, adapter_labels):
    nps = find(objs, "NetworkPolicy")
    if not sc.get("netpol"):
        if nps:
            problem("NetworkPolicy rendered although networkPolicy.enabled=false")
    else:
        ctrl = [n for n in nps if selects(n["spec"].get("podSelector"), controller_labels)]
        if len(ctrl) != 1:
            problem(f"expected one NetworkPolicy selecting the controller pods, found {len(ctrl)}")
        else:
            rules = ctrl[0]["spec"].get("ingress") or []
            chan = [r for r in rules if any(p.get("port") == 9666 for p in r.get("ports") or [])]
            if not chan:
                problem("controller NetworkPolicy does not allow the adapter channel port 9666")
            for r in chan:
                peers = r.get("from") or []
                if not peers or not all(selects(p.get("podSelector"), adapter_labels) and not p.get("namespaceSelector")
                                        for p in peers):
                    problem(f"controller NetworkPolicy opens port 9666 to more than the adapter pods: {r}")
            if not any(any(p.get("port") == 8080 for p in r.get("ports") or []) for r in rules):
                problem("controller NetworkPolicy blocks the metrics port 8080")
        if sc["adapter"]:
            ad = [n for n in nps if selects(n["spec"].get("podSelector"), adapter_labels)]
            if len(ad) != 1 or not any(any(p.get("port") == 6443 for p in r.get("ports") or [])
                                       for r in ad[0]["spec"].get("ingress") or []):
                problem("no adapter NetworkPolicy admitting the aggregator on 6443")
    pdbs = find(objs, "PodDisruptionBudget")
    if not sc.get("pdb"):
        if pdbs:
            problem("PodDisruptionBudget rendered although podDisruptionBudget.enabled=false")
    else:
        if not any(selects(p["spec"].get("selector"), controller_labels) and p["spec"].get("minAvailable") == 1
                   for p in pdbs):
            problem("no PodDisruptionBudget (minAvailable 1) for the controller pods")
        if sc["adapter_replicas"] > 1 and not any(selects(p["spec"].get("selector"), adapter_labels) for p in pdbs):
            problem("no PodDisruptionBudget for the adapter pods")


# What the metrics adapter calls: the Lease (by name), delegated authn/authz, the aggregator's CAs.
ADAPTER_CALLS = [
    ("get", "coordination.k8s.io", "leases", "release", "LEASE"),
    ("create", "authentication.k8s.io", "tokenreviews", "cluster", None),
    ("create", "authorization.k8s.io", "subjectaccessreviews", "cluster", None),
    ("get", "", "configmaps", "kube-system", "extension-apiserver-authentication"),
    ("list", "", "configmaps", "kube-system", "extension-apiserver-authentication"),
    ("watch", "", "configmaps", "kube-system", "extension-apiserver-authentication"),
]


def check_adapter_rbac(rbac, sc, ns, sa):
    lease = sc["lease"][0]
    for verb, group, res, scope, name in ADAPTER_CALLS:
        space = {"release": ns, "kube-system": "kube-system"}.get(scope)
        name = lease if name == "LEASE" else name
        if not rbac.can(verb, group, res, space, name):
            problem(f"RBAC: the adapter ServiceAccount {ns}/{sa} cannot {verb} {group or 'core'}/{res}"
                    f"{' ' + name if name else ''} ({'namespace ' + space if space else 'cluster-wide'})")
    # least privilege: no Secret, no other Lease, no writes beyond the reviews
    for space in (ns, "kube-system", "default", None):
        if rbac.can("get", "", "secrets", space, "x"):
            problem(f"RBAC: the adapter can read Secrets ({space or 'cluster-wide'})")
    if rbac.can("get", "coordination.k8s.io", "leases", ns, "another-lease"):
        problem("RBAC: the adapter can read Leases other than the leader-election Lease")
    for verb in ("create", "update", "patch", "delete"):
        if rbac.can(verb, "coordination.k8s.io", "leases", ns, lease):
            problem(f"RBAC: the adapter may {verb} the Lease")
    for g, r in (("keda.sh", "scaledobjects"), ("autoscaling", "horizontalpodautoscalers"), ("", "pods")):
        for verb in ("create", "update", "patch", "delete"):
            if rbac.can(verb, g, r, None):
                problem(f"RBAC: the adapter may {verb} {g or 'core'}/{r}")


def verify_cert(data, dns_names, client=False):
    if not shutil.which("openssl"):
        return
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for k in ("ca.crt", "tls.crt", "tls.key"):
            paths[k] = os.path.join(d, k)
            with open(paths[k], "wb") as f:
                f.write(base64.b64decode(data[k]))
        r = subprocess.run(["openssl", "verify", "-CAfile", paths["ca.crt"], paths["tls.crt"]],
                           capture_output=True, text=True)
        if r.returncode != 0:
            problem(f"generated tls.crt does not verify against ca.crt: {r.stdout.strip()} {r.stderr.strip()}")
        r = subprocess.run(["openssl", "x509", "-in", paths["tls.crt"], "-noout", "-text"],
                           capture_output=True, text=True)
        for n in dns_names:
            if f"DNS:{n}" not in r.stdout:
                problem(f"generated tls.crt lacks DNS name {n}")
        if "TLS Web Server Authentication" not in r.stdout:
            problem("generated tls.crt lacks the serverAuth extended key usage")
        if client and "TLS Web Client Authentication" not in r.stdout:
            problem("generated channel tls.crt lacks the clientAuth extended key usage")
        pub_cert = subprocess.run(["openssl", "x509", "-in", paths["tls.crt"], "-noout", "-pubkey"],
                                  capture_output=True, text=True).stdout
        pub_key = subprocess.run(["openssl", "pkey", "-in", paths["tls.key"], "-pubout"],
                                 capture_output=True, text=True).stdout
        if not pub_cert or pub_cert != pub_key:
            problem("generated tls.key does not match tls.crt")


# Every Kubernetes call keda4j makes, as (verb, group, resource, namespace-scope, name).
# scope "watched" = each watched namespace (or cluster-wide when watching all), "release" = the release
# namespace, "cluster" = cluster-wide, "kube-system" = that namespace.
REQUIRED_CALLS = [
    # keda.sh objects: informers, reconcile, status and finalizers
    *[(v, "keda.sh", r, "cluster", None)
      for r in ("scaledobjects", "scaledjobs", "triggerauthentications", "clustertriggerauthentications")
      for v in ("get", "list", "watch", "patch", "update")],
    *[(v, "keda.sh", r, "watched", None)
      for r in ("scaledobjects/status", "scaledjobs/status", "scaledobjects/finalizers", "scaledjobs/finalizers")
      for v in ("get", "patch", "update")],
    # the HPA a ScaledObject owns
    *[(v, "autoscaling", "horizontalpodautoscalers", "cluster", None)
      for v in ("get", "list", "watch", "create", "update", "patch", "delete")],
    # ScaledJob Jobs
    *[(v, "batch", "jobs", "cluster", None) for v in ("get", "list", "watch", "create", "delete", "deletecollection")],
    # (Cluster)TriggerAuthentication status.scaledobjects/scaledjobs
    ("patch", "keda.sh", "triggerauthentications/status", "watched", None),
    ("patch", "keda.sh", "clustertriggerauthentications/status", "cluster", None),
    # ReplicationController targets: the object (existence) and its /scale
    ("get", "", "replicationcontrollers", "cluster", None),
    ("get", "", "replicationcontrollers/scale", "cluster", None),
    ("patch", "", "replicationcontrollers/scale", "cluster", None),
    # pods: ScaledJob pending pods, kubernetes-workload scaler
    *[(v, "", "pods", "cluster", None) for v in ("get", "list", "watch")],
    # scale any scaleTargetRef through /scale (KEDA: */scale)
    *[(v, g, r, "cluster", None)
      for g, r in (("apps", "deployments/scale"), ("apps", "statefulsets/scale"),
                   ("argoproj.io", "rollouts/scale"), ("example.com", "anything/scale"))
      for v in ("get", "patch", "update")],
    *[(v, "apps", r, "cluster", None) for r in ("deployments", "statefulsets") for v in ("get", "list", "watch")],
    # TriggerAuthentication secretTargetRef / configMapTargetRef and env of the target, by name
    ("get", "", "secrets", "watched", "some-secret"),
    ("get", "", "configmaps", "watched", "some-configmap"),
    # ClusterTriggerAuthentication secrets live in the release namespace (KEDA_CLUSTER_OBJECT_NAMESPACE)
    ("get", "", "secrets", "release", "some-secret"),
    # events
    ("create", "", "events", "watched", None),
    ("patch", "", "events", "watched", None),
    ("create", "events.k8s.io", "events", "watched", None),
    # leader election (client-java LeaseLock: get, create, update of the Lease named --leader-election-id)
    *[(v, "coordination.k8s.io", "leases", "release", "LEASE") for v in ("get", "create", "update")],
]
# The in-process external metrics API (metricsAdapter.enabled=false): the controller also needs ADAPTER_CALLS
# except the Lease read (it holds the Lease itself).


def check_rbac(rbac, objs, sc, ns, fn):
    calls = list(REQUIRED_CALLS)
    if not sc["adapter"]:
        calls += [x for x in ADAPTER_CALLS if x[2] != "leases"]
    for verb, group, res, scope, name in calls:
        name = sc["lease"][0] if name == "LEASE" else name
        if scope == "watched":
            spaces = sc["watch"] or [None]
        elif scope == "release":
            spaces = [ns]
        elif scope == "kube-system":
            spaces = ["kube-system"]
        else:
            spaces = [None]
        if res in ("configmaps",) and name == "extension-apiserver-authentication":
            spaces = ["kube-system"]
        for space in spaces:
            if not rbac.can(verb, group, res, space, name):
                where = f"namespace {space}" if space else "cluster-wide"
                problem(f"RBAC: the ServiceAccount {ns}/{fn} cannot {verb} {group or 'core'}/{res}"
                        f"{' ' + name if name else ''} ({where})")
    if rbac.can("get", "coordination.k8s.io", "leases", ns, "another-lease") or rbac.can(
            "update", "coordination.k8s.io", "leases", ns, "another-lease"):
        problem("RBAC: the controller can read or update Leases other than its own")
    if rbac.can("get", "coordination.k8s.io", "leases", None, sc["lease"][0]):
        problem("RBAC: the controller can read Leases cluster-wide")
    for g, kind in sc.get("extra_kinds", []):
        if not rbac.can("get", g, kind, None, "x"):
            problem(f"RBAC: rbac.scaledRefKinds {g}/{kind} is not readable")
    # least privilege on Secrets: never list/watch, never cluster-wide when namespaces are restricted
    for space, rule in rbac.grants:
        for verb in ("list", "watch", "create", "update", "patch", "delete", "deletecollection"):
            if rule_allows(rule, verb, "", "secrets", None):
                problem(f"RBAC: Secrets {verb} granted ({'namespace ' + space if space else 'cluster-wide'}): {rule}")
    if sc["watch"] and rbac.can("get", "", "secrets", None, "x"):
        problem("RBAC: Secrets readable cluster-wide although watchNamespace restricts the namespaces")
    if sc["watch"] and rbac.can("get", "", "secrets", "unwatched-namespace", "x"):
        problem("RBAC: Secrets readable in a namespace that is not watched")
    if rbac.can("get", "", "secrets", "kube-system", "x"):
        if sc["watch"]:
            problem("RBAC: Secrets readable in kube-system")
    # the HPA controller may read external metrics
    hpa = Rbac(objs, "horizontal-pod-autoscaler", "kube-system")
    if not hpa.can("list", "external.metrics.k8s.io", "s0-rabbitmq-orders", "default"):
        problem("RBAC: kube-system/horizontal-pod-autoscaler cannot list external.metrics.k8s.io metrics")


def check_standalone(objs, path):
    try:
        with open(path) as f:
            docs = [d for d in yaml.safe_load_all(f) if d]
    except OSError as e:
        problem(f"cannot read {path}: {e}")
        return
    for d in docs:
        md = d.get("metadata", {})
        rendered = find(objs, d.get("kind"), md.get("name"), md.get("namespace"))
        if not rendered:
            problem(f"{path}: {d.get('kind')} {md.get('name')} is not rendered by the chart (default values)")
            continue
        r = rendered[0]
        for key in ("spec", "roleRef", "subjects", "rules"):
            a = dict(d.get(key) or {}) if isinstance(d.get(key), dict) else d.get(key)
            b = dict(r.get(key) or {}) if isinstance(r.get(key), dict) else r.get(key)
            if key == "spec" and isinstance(a, dict) and isinstance(b, dict):
                b.pop("caBundle", None)
                a.pop("caBundle", None)
            if a != b:
                problem(f"{path}: {d.get('kind')} {md.get('name')} {key} differs from the chart: {a} != {b}")


NOTES = []


def jar_help(jar, sub):
    """The --help text of `keda4j <sub>`, or None when the jar has no such subcommand."""
    r = subprocess.run(["java", "-jar", jar, "help", sub], capture_output=True, text=True, timeout=120)
    text = r.stdout + r.stderr
    if r.returncode != 0 or f"Usage: keda4j {sub}" not in text:
        return None
    return text


def smoke(rendered_path, jar):
    """Runs the jar with each rendered Deployment's command, args and env against a stub API server that answers
    /version and /apis (404 for everything else, e.g. the Lease), then checks the probe paths and /metrics answer
    200 on the rendered ports: proof that the chart's flags, ports and probe paths match what keda4j accepts.
    The only tolerated skip: a subcommand or flag the jar does not have yet (it is reported as a note)."""
    with open(rendered_path) as f:
        objs = [d for d in yaml.safe_load_all(f) if isinstance(d, dict) and d.get("kind")]
    deps = sorted(find(objs, "Deployment"), key=lambda d: d["spec"]["template"]["spec"]["containers"][0]["command"][-1],
                  reverse=True)  # run before adapter
    if not deps:
        problem("smoke: no Deployment rendered")
    runnable = {}
    for dep in deps:
        c = dep["spec"]["template"]["spec"]["containers"][0]
        sub = c["command"][-1]
        help_text = jar_help(jar, sub)
        if help_text is None:
            NOTES.append(f"the jar has no `{sub}` subcommand yet: Deployment {dep['metadata']['name']} not run")
            continue
        missing = sorted({a.partition("=")[0] for a in c.get("args") or []
                          if a.startswith("--") and a.partition("=")[0] + "=" not in help_text
                          and a.partition("=")[0] + "[=" not in help_text})
        if missing:
            NOTES.append(f"the jar's `{sub}` lacks {', '.join(missing)} (not landed yet): "
                         f"Deployment {dep['metadata']['name']} not run")
            continue
        wanted = [(c["livenessProbe"]["httpGet"]["path"], c["livenessProbe"]["httpGet"]["port"]),
                  ("/metrics", "metrics")]
        if sub == "run":
            wanted.insert(1, (c["readinessProbe"]["httpGet"]["path"], c["readinessProbe"]["httpGet"]["port"]))
        before = len(PROBLEMS)
        run_one(objs, dep, c, jar, wanted, expect_watch=(sub == "run"))
        if len(PROBLEMS) == before:
            runnable[sub] = (dep, c, wanted)
    if "run" in runnable and "adapter" in runnable:
        chain(objs, jar, runnable["run"], runnable["adapter"])


RETRY_PHRASES = ("no controller replica leads", "leader lookup failed", "cannot reach", "no longer leads")


def chain(objs, jar, ctrl, adapter):
    """Controller and adapter against one stub API server: the adapter must find the leader through the Lease
    (<POD_NAME>_<POD_IP>), reach it on the channel port with the chart's channel certificates, and pass on the
    leader's own answer to a metric read (no ScaledObject exists, so an error the leader gave, not a retry)."""
    import json
    import socket
    import ssl
    import time
    import urllib.error
    import urllib.request

    cdep, cc, cwanted = ctrl
    adep, ac, awanted = adapter

    def after_adapter(shared, log_text):
        secure = next(p["containerPort"] for p in ac["ports"] if p["name"] == "https")
        url = (f"https://127.0.0.1:{secure}/apis/external.metrics.k8s.io/v1beta1/namespaces/default/"
               "s0-redis-chain?labelSelector=scaledobject.keda.sh%2Fname%3Dchain")
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        req = urllib.request.Request(url, headers={"Authorization": "Bearer chain-token"})
        try:
            with urllib.request.urlopen(req, context=ctx, timeout=60) as r:
                code, body = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            code, body = e.code, e.read().decode()
        except OSError as e:
            problem(f"chain: the adapter's metric read failed: {e}")
            return
        try:
            message = json.loads(body).get("message", body)
        except ValueError:
            message = body
        deadline = time.time() + 15
        while "leading controller is at 127.0.0.1" not in log_text() and time.time() < deadline:
            time.sleep(0.3)
        if "leading controller is at 127.0.0.1" not in log_text():
            problem("chain: the adapter did not find the leader 127.0.0.1 through the Lease")
        if code in (401, 403):
            problem(f"chain: the metric read was refused ({code}): {message}")
        elif any(p in message for p in RETRY_PHRASES):
            problem(f"chain: the adapter could not get an answer from the leader ({code}): {message}")
        else:
            NOTES.append(f"ok: chain: the adapter found the leader through the Lease and relayed its answer "
                         f"over the mTLS channel ({code}: {message[:120]})")

    def after_ctrl(shared, log_text):
        free = []
        for _ in range(2):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            free.append(sock)
        ports = {p["name"]: p["containerPort"] for p in ac["ports"]}
        port_map = {ports["metrics"]: free[0].getsockname()[1], ports["probes"]: free[1].getsockname()[1]}
        for sock in free:
            sock.close()
        run_one(objs, adep, ac, jar, awanted, False, shared=shared, then=after_adapter, port_map=port_map)

    run_one(objs, cdep, cc, jar, cwanted, False, then=after_ctrl)


def run_one(objs, dep, c, jar, wanted, expect_watch, shared=None, then=None, port_map=None):
    """Runs one Deployment's container. shared: the stub of a running run_one to reuse (server, LEASES, LOCK);
    then(shared, log_text): called while the process runs, after its checks passed; port_map: {old: new}
    container ports (to run a second process next to the first)."""
    import http.server
    import json
    import threading
    import time
    import urllib.request

    class Stub(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def lease(self):
            """An in-memory coordination.k8s.io Lease store, so that leader election can succeed."""
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}") if length else None
            path = self.path.split("?")[0]
            with LOCK:
                if self.command == "GET":
                    if path in LEASES:
                        return LEASES[path], 200
                elif self.command == "POST" and body:
                    key = path.rstrip("/") + "/" + body.get("metadata", {}).get("name", "")
                    if key in LEASES:
                        return {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                                "reason": "AlreadyExists", "code": 409}, 409
                    body.setdefault("metadata", {})["resourceVersion"] = "1"
                    LEASES[key] = body
                    return body, 201
                elif self.command == "PUT" and body and path in LEASES:
                    current = LEASES[path]["metadata"].get("resourceVersion")
                    if body.get("metadata", {}).get("resourceVersion") not in (None, current):
                        return {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                                "reason": "Conflict", "code": 409}, 409
                    body.setdefault("metadata", {})["resourceVersion"] = str(int(current) + 1)
                    LEASES[path] = body
                    return body, 200
            return None, 404

        def answer(self):
            if self.command == "POST" and self.path.split("?")[0].endswith(("/tokenreviews", "/subjectaccessreviews")):
                length = int(self.headers.get("Content-Length") or 0)
                review = json.loads(self.rfile.read(length) or b"{}")
                if self.path.split("?")[0].endswith("/tokenreviews"):
                    review["status"] = {"authenticated": True, "user": {
                        "username": "system:serviceaccount:kube-system:horizontal-pod-autoscaler",
                        "groups": ["system:serviceaccounts", "system:authenticated"]}}
                else:
                    review["status"] = {"allowed": True}
                body, code = review, 201
            elif "/leases" in self.path:
                body, code = self.lease()
                if body is None:
                    body = {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound",
                            "code": 404, "message": "stub API server"}
            elif self.path.startswith("/version"):
                body = {"major": "1", "minor": "33", "gitVersion": "v1.33.0", "gitCommit": "stub",
                        "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.24",
                        "compiler": "gc", "platform": "linux/amd64"}
                code = 200
            elif self.path.startswith("/apis") and self.command == "GET" and self.path.rstrip("/") == "/apis":
                # keda.sh is advertised so that the controller starts (and elects) as in a cluster with the CRDs
                keda = {"groupVersion": "keda.sh/v1alpha1", "version": "v1alpha1"}
                body = {"kind": "APIGroupList", "apiVersion": "v1",
                        "groups": [{"name": "keda.sh", "versions": [keda], "preferredVersion": keda}]}
                code = 200
            elif self.command == "GET" and self.collection():
                # every collection is empty; a watch ends at once (clients re-list and re-watch)
                body = {"kind": "List", "apiVersion": "v1", "metadata": {"resourceVersion": "1"}, "items": []}
                code = 200
                # client-java lists send watch=false: only watch=true/1 is a watch
                if re.search(r"[?&]watch=(true|1)(&|$)", self.path):
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    time.sleep(1)
                    return
            else:
                body = {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound",
                        "code": 404, "message": "stub API server"}
                code = 404
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def collection(self):
            segs = [x for x in self.path.split("?")[0].split("/") if x]
            if segs[:1] == ["api"]:
                rest = segs[2:]
            elif segs[:1] == ["apis"]:
                rest = segs[3:]
            else:
                return False
            if rest[:1] == ["namespaces"] and len(rest) >= 3:
                rest = rest[2:]
            return len(rest) == 1

        do_GET = do_POST = do_PUT = do_PATCH = answer

    if shared:
        server, LEASES, LOCK = shared
    else:
        LEASES = {}
        LOCK = threading.Lock()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    name = dep["metadata"]["name"]
    tmp = tempfile.mkdtemp(prefix="keda4j-smoke-")
    kubeconfig = os.path.join(tmp, "kubeconfig")
    with open(kubeconfig, "w") as f:
        f.write(f"""apiVersion: v1
kind: Config
clusters: [{{name: stub, cluster: {{server: "http://127.0.0.1:{server.server_address[1]}"}}}}]
users: [{{name: stub, user: {{token: stub}}}}]
contexts: [{{name: stub, context: {{cluster: stub, user: stub}}}}]
current-context: stub
""")
    # every Secret volume becomes a directory with the rendered Secret's files; args naming its mountPath follow
    vols = {v["name"]: v for v in dep["spec"]["template"]["spec"].get("volumes") or []}
    args = list(c.get("args") or [])
    mounted = {}
    for m in c.get("volumeMounts") or []:
        secret_name = ((vols.get(m["name"]) or {}).get("secret") or {}).get("secretName")
        if not secret_name:
            continue
        d = os.path.join(tmp, m["name"])
        os.mkdir(d)
        for sec in find(objs, "Secret", secret_name):
            for k, v in (sec.get("data") or {}).items():
                with open(os.path.join(d, k), "wb") as f:
                    f.write(base64.b64decode(v))
        args = [a.replace(f"={m['mountPath']}", f"={d}") if a.endswith(f"={m['mountPath']}") else a for a in args]
        mounted[m["mountPath"]] = d
    for old, new in (port_map or {}).items():
        args = [a[: -len(f":{old}")] + f":{new}" if a.endswith(f":{old}") else
                (a[: -len(f"={old}")] + f"={new}" if a.endswith(f"={old}") and "channel" not in a else a)
                for a in args]
    cmd = [jar if a == "/app/keda4j.jar" else a for a in c["command"]]
    env = dict(os.environ)
    env.pop("KUBECONFIG", None)
    for e in c.get("env") or []:
        if "value" in e:
            env[e["name"]] = mounted.get(e["value"], e["value"])
        elif "fieldRef" in (e.get("valueFrom") or {}):
            env[e["name"]] = {"metadata.name": "keda4j-smoke-0", "metadata.namespace": "keda",
                              "status.podIP": "127.0.0.1"}.get(e["valueFrom"]["fieldRef"]["fieldPath"], "")
    env["JAVA_TOOL_OPTIONS"] = env.get("JAVA_TOOL_OPTIONS", "").replace("-Djava.io.tmpdir=/tmp", f"-Djava.io.tmpdir={tmp}")
    log = open(os.path.join(tmp, "keda4j.log"), "w+")
    proc = subprocess.Popen(cmd + args + [f"--kubeconfig={kubeconfig}"], env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    ports = {p["name"]: (port_map or {}).get(p["containerPort"], p["containerPort"]) for p in c.get("ports") or []}
    before = len(PROBLEMS)
    try:
        deadline = time.time() + 60
        pending = list(wanted)
        while pending and time.time() < deadline and proc.poll() is None:
            path, port = pending[0]
            number = ports.get(port, port)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{number}{path}", timeout=2) as r:
                    if r.status == 200:
                        pending.pop(0)
                        continue
            except OSError:
                pass
            time.sleep(0.3)
        if proc.poll() is not None:
            problem(f"smoke: {name} exited with {proc.returncode} when run with the rendered command/args/env")
        for path, port in pending:
            problem(f"smoke: {name}: GET {path} on port {port} ({ports.get(port, port)}) did not answer 200 within 60 s")
        if not pending and "--leader-elect=true" in args:
            # the Lease holder identity the adapter relies on: <POD_NAME>_<POD_IP> from the downward API env
            want_holder = "keda4j-smoke-0_127.0.0.1"
            until = time.time() + 30
            holders = []
            while time.time() < until:
                with LOCK:
                    holders = [(k, (v.get("spec") or {}).get("holderIdentity")) for k, v in LEASES.items()]
                if holders:
                    break
                time.sleep(0.3)
            lease_id = flag_values(args).get("--leader-election-id")
            ns_ = flag_values(args).get("--leader-election-namespace")
            wanted_key = f"/apis/coordination.k8s.io/v1/namespaces/{ns_}/leases/{lease_id}"
            if (wanted_key, want_holder) not in holders:
                problem(f"smoke: {name} did not take Lease {ns_}/{lease_id} as {want_holder} (Leases: {holders})")
            channel = ports.get("channel")
            if channel:
                import socket
                try:
                    socket.create_connection(("127.0.0.1", channel), timeout=5).close()
                except OSError as e:
                    problem(f"smoke: {name} does not listen on the channel port {channel}: {e}")
        if expect_watch:
            if not any(e["name"] == "WATCH_NAMESPACE" for e in c.get("env") or []):
                problem("smoke: the rendered controller container has no WATCH_NAMESPACE env")
            watch = env.get("WATCH_NAMESPACE", "")
            log.flush()
            log.seek(0)
            text = log.read()
            expect = f"watching namespaces {watch}" if watch else "watching all namespaces"
            if not pending and expect not in text:
                problem(f"smoke: keda4j did not log '{expect}' (WATCH_NAMESPACE={watch!r} not honoured)")
        if len(PROBLEMS) == before and then is not None:
            def log_text():
                log.flush()
                with open(log.name) as f:
                    return f.read()
            then((server, LEASES, LOCK), log_text)
        if len(PROBLEMS) == before:
            NOTES.append(f"ok: {name} ran with the rendered command, args and env; "
                         + ", ".join(p for p, _ in wanted) + " answered"
                         + ("; it took the Lease as <POD_NAME>_<POD_IP>" if "--leader-elect=true" in args else "")
                         + ("; the channel port listens" if ports.get("channel") else ""))
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if not shared:
            server.shutdown()
        if len(PROBLEMS) > before:
            log.seek(0)
            for line in log.read().splitlines()[-15:]:
                print(f"  {name}: {line}")
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "smoke":
        smoke(sys.argv[2], sys.argv[3])
        for n in NOTES:
            print(f"[smoke] {n}")
        for p in PROBLEMS:
            print(f"[smoke] {p}")
        return 1 if PROBLEMS else 0
    if len(sys.argv) < 3 or sys.argv[1] not in SCENARIOS:
        print(__doc__)
        return 2
    scenario, ns = sys.argv[1], sys.argv[2]
    objs = [d for d in yaml.safe_load_all(sys.stdin) if isinstance(d, dict) and d.get("kind")]
    check(objs, scenario, ns, sys.argv[3:])
    for p in PROBLEMS:
        print(f"[{scenario}] {p}")
    if PROBLEMS:
        return 1
    kinds = {}
    for o in objs:
        kinds[o["kind"]] = kinds.get(o["kind"], 0) + 1
    print(f"[{scenario}] ok: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
