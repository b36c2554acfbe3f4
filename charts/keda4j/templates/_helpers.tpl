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
