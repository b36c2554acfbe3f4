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
    },
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

    # --- ServiceAccount + Deployment
    sa = one(objs, "ServiceAccount", fn, ns)
    dep = one(objs, "Deployment", fn, ns)
    c = None
    pod_labels = {}
    if dep:
        pod = dep["spec"]["template"]
        pod_labels = pod["metadata"].get("labels") or {}
        sel = dep["spec"]["selector"].get("matchLabels") or {}
        if not sel or any(pod_labels.get(k) != v for k, v in sel.items()):
            problem("Deployment selector does not match its pod template labels")
        spec = pod["spec"]
        if spec.get("serviceAccountName") != fn:
            problem(f"Deployment serviceAccountName is {spec.get('serviceAccountName')!r}, expected {fn!r}")
        psc = spec.get("securityContext") or {}
        if psc.get("runAsNonRoot") is not True:
            problem("pod securityContext.runAsNonRoot is not true")
        if (psc.get("seccompProfile") or {}).get("type") != "RuntimeDefault":
            problem("pod seccompProfile is not RuntimeDefault")
        cs = spec.get("containers") or []
        if len(cs) != 1:
            problem(f"Deployment has {len(cs)} containers, expected 1")
        if cs:
            c = cs[0]
            if c.get("command") != ["java", "-jar", "/app/keda4j.jar", "run"]:
                problem(f"container command is {c.get('command')}, expected java -jar /app/keda4j.jar run")
            args = c.get("args") or []
            for want in ("--metrics-bind-address=:8080", "--health-probe-bind-address=:8081",
                         "--secure-port=6443", f"--cert-dir={sc['mount']}", f"--log-level={sc['log_level']}"):
                if want not in args:
                    problem(f"container args lack {want} (have {args})")
            ports = {p.get("containerPort") for p in c.get("ports") or []}
            for p in (8080, 8081, 6443):
                if p not in ports:
                    problem(f"container does not declare port {p}")
            for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
                hg = (c.get(probe) or {}).get("httpGet") or {}
                if hg.get("path") != path or container_port(c, hg.get("port")) != 8081:
                    problem(f"{probe} is not GET {path} on 8081 (got {hg})")
            env = {e["name"]: e for e in c.get("env") or []}
            we = env.get("WATCH_NAMESPACE")
            if we is None:
                problem("env WATCH_NAMESPACE is not set (KEDA requires it to be set, even empty)")
            elif we.get("value") != ",".join(sc["watch"]):
                problem(f"WATCH_NAMESPACE is {we.get('value')!r}, expected {','.join(sc['watch'])!r}")
            pn = env.get("POD_NAMESPACE", {})
            if ((pn.get("valueFrom") or {}).get("fieldRef") or {}).get("fieldPath") != "metadata.namespace":
                problem("env POD_NAMESPACE is not from the downward API metadata.namespace")
            csc = c.get("securityContext") or {}
            if csc.get("readOnlyRootFilesystem") is not True:
                problem("container readOnlyRootFilesystem is not true")
            if csc.get("allowPrivilegeEscalation") is not False:
                problem("container allowPrivilegeEscalation is not false")
            if (csc.get("capabilities") or {}).get("drop") != ["ALL"]:
                problem("container does not drop ALL capabilities")
            if csc.get("runAsNonRoot") is not True and psc.get("runAsNonRoot") is not True:
                problem("container may run as root")
            res = c.get("resources") or {}
            if not res.get("requests") or not res.get("limits"):
                problem("container has no resource requests/limits")
            if sc["resources"] and res != sc["resources"]:
                problem(f"container resources are {res}, expected {sc['resources']}")
            mounts = {m["name"]: m for m in c.get("volumeMounts") or []}
            vols = {v["name"]: v for v in spec.get("volumes") or []}
            certs = [m for m in mounts.values() if m.get("mountPath") == sc["mount"]]
            if not certs:
                problem(f"no volume mounted at {sc['mount']}")
            else:
                if certs[0].get("readOnly") is not True:
                    problem(f"{sc['mount']} is not mounted read-only")
                v = vols.get(certs[0]["name"], {})
                if (v.get("secret") or {}).get("secretName") != sc["secret"]:
                    problem(f"{sc['mount']} is not the Secret {sc['secret']} (volume {v})")
            if not any(m.get("mountPath") == "/tmp" for m in mounts.values()):
                problem("no writable /tmp (read-only root filesystem needs an emptyDir for the JVM)")

    # --- Services
    s = one(objs, "Service", svc_name, ns)
    if s:
        sel = s["spec"].get("selector") or {}
        if not sel or any(pod_labels.get(k) != v for k, v in sel.items()):
            problem(f"Service {svc_name} selector {sel} does not select the keda4j pod")
        https = [p for p in s["spec"].get("ports") or [] if p.get("name") == "https"]
        if not https or https[0].get("port") != sc["https_port"]:
            problem(f"Service {svc_name} has no https port {sc['https_port']}")
        elif c is not None and container_port(c, https[0].get("targetPort")) != 6443:
            problem(f"Service {svc_name} https does not target container port 6443")
    ms = find(objs, "Service", fn + "-metrics", ns)
    if sc["metrics_service"]:
        if len(ms) != 1:
            problem(f"expected Service {fn}-metrics")
        elif c is not None and container_port(c, ms[0]["spec"]["ports"][0].get("targetPort")) != 8080:
            problem(f"Service {fn}-metrics does not target container port 8080")
    elif ms:
        problem(f"Service {fn}-metrics rendered although prometheus.enabled=false")

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

    # --- standalone manifests in apiservice/ agree with the chart
    for path in standalone:
        check_standalone(objs, path)


def verify_cert(data, dns_names):
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
    *[(v, "batch", "jobs", "cluster", None) for v in ("get", "list", "watch", "create", "delete")],
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
    # leader election
    *[(v, "coordination.k8s.io", "leases", "release", "operator.keda.sh") for v in ("get", "create", "update")],
    # aggregated API server: delegated authn/authz and the front-proxy CA
    ("create", "authentication.k8s.io", "tokenreviews", "cluster", None),
    ("create", "authorization.k8s.io", "subjectaccessreviews", "cluster", None),
    ("get", "", "configmaps", "kube-system", "extension-apiserver-authentication"),
    ("watch", "", "configmaps", "kube-system", "extension-apiserver-authentication"),
]


def check_rbac(rbac, objs, sc, ns, fn):
    watched = sc["watch"] or [None]
    for verb, group, res, scope, name in REQUIRED_CALLS:
        if scope == "watched":
            spaces = watched if sc["watch"] else [None]
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


def smoke(rendered_path, jar):
    """Runs the jar with the rendered Deployment's command, args and env against a stub API server that
    answers /version and /apis, then checks the liveness/readiness probe paths and /metrics answer 200 on the
    rendered ports: proof that the chart's flags, ports and probe paths match what keda4j really accepts."""
    import http.server
    import json
    import socket
    import threading
    import time
    import urllib.request

    with open(rendered_path) as f:
        objs = [d for d in yaml.safe_load_all(f) if isinstance(d, dict) and d.get("kind")]
    deps = find(objs, "Deployment")
    if len(deps) != 1:
        problem(f"smoke: expected one Deployment, found {len(deps)}")
        return
    c = deps[0]["spec"]["template"]["spec"]["containers"][0]
    secret = next(iter(find(objs, "Secret")), None)

    class Stub(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            if self.path.startswith("/version"):
                body = {"major": "1", "minor": "33", "gitVersion": "v1.33.0", "gitCommit": "stub",
                        "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.24",
                        "compiler": "gc", "platform": "linux/amd64"}
                code = 200
            elif self.path.startswith("/apis"):
                body, code = {"kind": "APIGroupList", "apiVersion": "v1", "groups": []}, 200
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

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
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
    certs = os.path.join(tmp, "certs")
    os.mkdir(certs)
    if secret:
        for k, v in (secret.get("data") or {}).items():
            with open(os.path.join(certs, k), "wb") as f:
                f.write(base64.b64decode(v))
    mount = next((m["mountPath"] for m in c.get("volumeMounts") or [] if m["name"] == "certificates"), None)
    cmd = [jar if a == "/app/keda4j.jar" else a for a in c["command"]]
    args = [a.replace(f"--cert-dir={mount}", f"--cert-dir={certs}") for a in c.get("args") or []]
    env = dict(os.environ)
    env.pop("KUBECONFIG", None)
    for e in c.get("env") or []:
        if "value" in e:
            env[e["name"]] = e["value"]
        elif "fieldRef" in (e.get("valueFrom") or {}):
            env[e["name"]] = {"metadata.name": "keda4j-smoke-0", "metadata.namespace": "keda"}.get(
                e["valueFrom"]["fieldRef"]["fieldPath"], "")
    env["JAVA_TOOL_OPTIONS"] = env.get("JAVA_TOOL_OPTIONS", "").replace("-Djava.io.tmpdir=/tmp", f"-Djava.io.tmpdir={tmp}")
    log = open(os.path.join(tmp, "keda4j.log"), "w+")
    proc = subprocess.Popen(cmd + args + [f"--kubeconfig={kubeconfig}"], env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    ports = {p["name"]: p["containerPort"] for p in c.get("ports") or []}
    wanted = [(c["livenessProbe"]["httpGet"]["path"], c["livenessProbe"]["httpGet"]["port"]),
              (c["readinessProbe"]["httpGet"]["path"], c["readinessProbe"]["httpGet"]["port"]),
              ("/metrics", "metrics")]
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
            problem(f"smoke: keda4j exited with {proc.returncode} when run with the rendered command/args/env")
        for path, port in pending:
            problem(f"smoke: GET {path} on port {port} ({ports.get(port, port)}) did not answer 200 within 60 s")
        if not any(e["name"] == "WATCH_NAMESPACE" for e in c.get("env") or []):
            problem("smoke: the rendered container has no WATCH_NAMESPACE env")
        watch = env.get("WATCH_NAMESPACE", "")
        log.flush()
        log.seek(0)
        text = log.read()
        expect = f"watching namespaces {watch}" if watch else "watching all namespaces"
        if not pending and expect not in text:
            problem(f"smoke: keda4j did not log '{expect}' (WATCH_NAMESPACE={watch!r} not honoured)")
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        server.shutdown()
        if PROBLEMS:
            log.seek(0)
            for line in log.read().splitlines()[-15:]:
                print(f"  keda4j: {line}")
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "smoke":
        smoke(sys.argv[2], sys.argv[3])
        for p in PROBLEMS:
            print(f"[smoke] {p}")
        if not PROBLEMS:
            print("[smoke] ok: keda4j ran with the rendered command, args and env; probes and /metrics answered")
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
