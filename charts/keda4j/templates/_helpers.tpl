{{/* Chart name. */}}
{{- define "keda4j.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Object-name prefix: the release name if it contains the chart name, else <release>-<chart>. */}}
{{- define "keda4j.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "keda4j.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "keda4j.selectorLabels" -}}
app.kubernetes.io/name: {{ include "keda4j.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "keda4j.labels" -}}
helm.sh/chart: {{ include "keda4j.chart" . }}
{{ include "keda4j.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: keda4j
{{- with .Values.additionalLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "keda4j.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "keda4j.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Service the APIService points at. */}}
{{- define "keda4j.metricsApiServerName" -}}
{{- printf "%s-metrics-apiserver" (include "keda4j.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "keda4j.certSecretName" -}}
{{- default (printf "%s-certs" (include "keda4j.fullname" .)) .Values.certificates.secretName }}
{{- end }}

{{/* Namespaces from watchNamespace (comma separated), trimmed, without empties. */}}
{{- define "keda4j.watchNamespaces" -}}
{{- $out := list }}
{{- range (splitList "," (.Values.watchNamespace | toString)) }}
{{- $ns := trim . | trimAll "\"" }}
{{- if $ns }}{{ $out = append $out $ns }}{{ end }}
{{- end }}
{{- $out | uniq | join "," }}
{{- end }}

{{- define "keda4j.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* DNS names of the metrics-apiserver Service, as in KEDA's cert rotator. */}}
{{- define "keda4j.serviceDnsNames" -}}
{{- $svc := include "keda4j.metricsApiServerName" . }}
{{- $ns := .Release.Namespace }}
{{- list $svc (printf "%s.%s" $svc $ns) (printf "%s.%s.svc" $svc $ns) (printf "%s.%s.svc.%s" $svc $ns .Values.clusterDomain) | toJson }}
{{- end }}

{{/* Pod selector of the controller (operator) pods. */}}
{{- define "keda4j.operatorSelectorLabels" -}}
{{ include "keda4j.selectorLabels" . }}
app.kubernetes.io/component: operator
{{- end }}

{{/* Pod selector of the metrics-adapter pods. */}}
{{- define "keda4j.adapterSelectorLabels" -}}
{{ include "keda4j.selectorLabels" . }}
app.kubernetes.io/component: metrics-adapter
{{- end }}

{{/* Pods serving the external metrics API: the adapter Deployment, or the controller when it is disabled. */}}
{{- define "keda4j.apiServerSelectorLabels" -}}
{{- if .Values.metricsAdapter.enabled }}
{{- include "keda4j.adapterSelectorLabels" . }}
{{- else }}
{{- include "keda4j.operatorSelectorLabels" . }}
{{- end }}
{{- end }}

{{- define "keda4j.adapterServiceAccountName" -}}
{{- default (include "keda4j.metricsApiServerName" .) .Values.metricsAdapter.serviceAccount.name }}
{{- end }}

{{/* ServiceAccount of the pods serving the external metrics API (TokenReview, SAR, auth ConfigMap). */}}
{{- define "keda4j.apiServerServiceAccountName" -}}
{{- if .Values.metricsAdapter.enabled }}
{{- include "keda4j.adapterServiceAccountName" . }}
{{- else }}
{{- include "keda4j.serviceAccountName" . }}
{{- end }}
{{- end }}

{{- define "keda4j.adapterImage" -}}
{{- printf "%s:%s" .Values.metricsAdapter.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "keda4j.channelControllerSecretName" -}}
{{- default (printf "%s-channel-controller" (include "keda4j.fullname" .)) .Values.certificates.channel.controllerSecretName }}
{{- end }}

{{- define "keda4j.channelAdapterSecretName" -}}
{{- default (printf "%s-channel-adapter" (include "keda4j.fullname" .)) .Values.certificates.channel.adapterSecretName }}
{{- end }}

{{/* Pod anti-affinity on the hostname: mode (soft|hard|none) and the selector labels (YAML). */}}
{{- define "keda4j.antiAffinity" -}}
{{- $mode := index . 0 }}{{- $labels := index . 1 }}
{{- if eq $mode "soft" }}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- $labels | nindent 12 }}
{{- else if eq $mode "hard" }}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- $labels | nindent 10 }}
{{- end }}
{{- end }}

{{/* Fails on value combinations keda4j cannot run with. */}}
{{- define "keda4j.validate" -}}
{{- if and (not .Values.certificates.autoGenerated) (not .Values.certificates.certManager.enabled) (not .Values.certificates.secretName) }}
{{- fail "certificates: with autoGenerated=false and certManager.enabled=false, set certificates.secretName to a Secret holding ca.crt, tls.crt and tls.key" }}
{{- end }}
{{- if and .Values.certificates.autoGenerated .Values.certificates.certManager.enabled }}
{{- fail "certificates: autoGenerated and certManager.enabled are exclusive; set autoGenerated=false to use cert-manager" }}
{{- end }}
{{- if and (not .Values.operator.leaderElection.enabled) (gt (int .Values.operator.replicaCount) 1) }}
{{- fail "operator.leaderElection.enabled=false needs operator.replicaCount 1: two controllers without a Lease would both scale" }}
{{- end }}
{{- if and (not .Values.operator.leaderElection.enabled) .Values.metricsAdapter.enabled }}
{{- fail "metricsAdapter.enabled needs operator.leaderElection.enabled: the adapter finds the controller through the Lease holder" }}
{{- end }}
{{- end }}
