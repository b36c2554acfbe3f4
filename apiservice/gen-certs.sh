#!/usr/bin/env bash
# Creates keda4j's CA and serving certificate with openssl, stores them in Secret keda4j-certs
# (ca.crt, tls.crt, tls.key: what the pod mounts at /certs) and sets the APIService caBundle.
# For clusters installed without Helm; the chart does the same with genCA/genSignedCert.
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
openssl req -x509 -newkey rsa:2048 -nodes -days "$DAYS" -keyout ca.key -out ca.crt -subj "/CN=keda4j-ca" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout tls.key -out tls.csr -subj "/CN=$SVC.$NS.svc" 2>/dev/null
cat > ext.cnf <<CNF
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:$SVC,DNS:$SVC.$NS,DNS:$SVC.$NS.svc,DNS:$SVC.$NS.svc.$DOMAIN
CNF
openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days "$DAYS" -out tls.crt \
  -extfile ext.cnf 2>/dev/null
openssl verify -CAfile ca.crt tls.crt >/dev/null
CA_BUNDLE=$(base64 < ca.crt | tr -d '\n')
if [ "${DRY_RUN:-0}" = 1 ]; then
  echo "wrote $OUT/{ca.crt,tls.crt,tls.key}; caBundle: $CA_BUNDLE"
  exit 0
fi
kubectl -n "$NS" create secret generic keda4j-certs --from-file=ca.crt --from-file=tls.crt --from-file=tls.key \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl patch apiservice v1beta1.external.metrics.k8s.io --type=merge -p "{\"spec\":{\"caBundle\":\"$CA_BUNDLE\"}}"
echo "Secret $NS/keda4j-certs created; APIService caBundle set. Restart keda4j to load the new certificate."
