#!/usr/bin/env bash
# Creates keda4j's certificates with openssl, for clusters installed without Helm (the chart does the same with
# genCA/genSignedCert):
#   1. the external metrics API: a CA and the serving certificate of the Service, in Secret keda4j-certs
#      (ca.crt, tls.crt, tls.key: what the adapter pod mounts at /certs), and the APIService caBundle;
#   2. the adapter <-> controller channel (mTLS): a second CA and one certificate per side, in Secrets
#      keda4j-channel-controller and keda4j-channel-adapter (mounted at /channel-certs).
#   apiservice/gen-certs.sh [namespace (keda)] [service (keda4j-metrics-apiserver)] [cluster domain (cluster.local)]
# Set DRY_RUN=1 to only write the files into ./keda4j-certs/ and print the caBundle.
set -euo pipefail
NS=${1:-keda}
SVC=${2:-keda4j-metrics-apiserver}
DOMAIN=${3:-cluster.local}
OUT=${OUT:-./keda4j-certs}
DAYS=${DAYS:-3650}
mkdir -p "$OUT"
cd "$OUT"

ca() { # dir cn
  mkdir -p "$1"
  openssl req -x509 -newkey rsa:2048 -nodes -days "$DAYS" -keyout "$1/ca.key" -out "$1/ca.crt" -subj "/CN=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}
leaf() { # ca-dir out-dir cn san...
  local cadir=$1 dir=$2 cn=$3; shift 3
  local san; san=$(printf 'DNS:%s,' "$@"); san=${san%,}
  mkdir -p "$dir"
  openssl req -newkey rsa:2048 -nodes -keyout "$dir/tls.key" -out "$dir/tls.csr" -subj "/CN=$cn" 2>/dev/null
  cat > "$dir/ext.cnf" <<CNF
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=$san
CNF
  openssl x509 -req -in "$dir/tls.csr" -CA "$cadir/ca.crt" -CAkey "$cadir/ca.key" -CAcreateserial -days "$DAYS" \
    -out "$dir/tls.crt" -extfile "$dir/ext.cnf" 2>/dev/null
  cp "$cadir/ca.crt" "$dir/ca.crt"
  openssl verify -CAfile "$dir/ca.crt" "$dir/tls.crt" >/dev/null
  rm -f "$dir/tls.csr" "$dir/ext.cnf"
}

ca api-ca keda4j-ca
leaf api-ca serving "$SVC.$NS.svc" "$SVC" "$SVC.$NS" "$SVC.$NS.svc" "$SVC.$NS.svc.$DOMAIN"
ca channel-ca keda4j-channel-ca
leaf channel-ca channel-controller keda4j-operator keda4j-operator
leaf channel-ca channel-adapter keda4j-metrics-adapter keda4j-metrics-adapter

CA_BUNDLE=$(base64 < api-ca/ca.crt | tr -d '\n')
if [ "${DRY_RUN:-0}" = 1 ]; then
  echo "wrote $OUT/{serving,channel-controller,channel-adapter}/{ca.crt,tls.crt,tls.key}; caBundle: $CA_BUNDLE"
  exit 0
fi
secret() { # name dir
  kubectl -n "$NS" create secret generic "$1" --from-file="$2/ca.crt" --from-file="$2/tls.crt" \
    --from-file="$2/tls.key" --dry-run=client -o yaml | kubectl apply -f -
}
secret keda4j-certs serving
secret keda4j-channel-controller channel-controller
secret keda4j-channel-adapter channel-adapter
kubectl patch apiservice v1beta1.external.metrics.k8s.io --type=merge -p "{\"spec\":{\"caBundle\":\"$CA_BUNDLE\"}}"
echo "Secrets $NS/keda4j-certs, keda4j-channel-controller, keda4j-channel-adapter created; APIService caBundle set."
echo "Restart the keda4j Deployments to load new certificates."
