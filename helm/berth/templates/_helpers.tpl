{{/* The release's name prefix: the release name, plus "-berth" unless it already says berth. */}}
{{- define "berth.fullname" -}}
{{- if contains "berth" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-berth" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* A component's resource name: (dict "root" $ "module" "engine-service") */}}
{{- define "berth.component" -}}
{{- printf "%s-%s" (include "berth.fullname" .root) .module -}}
{{- end -}}

{{- define "berth.labels" -}}
app.kubernetes.io/name: berth
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .module }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "berth.selectorLabels" -}}
app.kubernetes.io/name: berth
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .module }}
{{- end -}}

{{/* The module's image as Jib pushes it: <registry>/berth/<module>:<version> */}}
{{- define "berth.image" -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/berth/%s:%s" .root.Values.image.registry .module $tag -}}
{{- else -}}
{{- printf "berth/%s:%s" .module $tag -}}
{{- end -}}
{{- end -}}

{{/* A service's base URL inside the cluster: (dict "root" $ "module" "image-service" "port" 8082) */}}
{{- define "berth.url" -}}
{{- printf "http://%s:%v" (include "berth.component" .) .port -}}
{{- end -}}

{{- define "berth.credentialsSecret" -}}
{{- printf "%s-credentials" (include "berth.fullname" .) -}}
{{- end -}}

{{/* The Secret and key that hold the database password */}}
{{- define "berth.dbPasswordRef" -}}
{{- if and (not .Values.postgresql.enabled) .Values.postgresql.external.existingSecret -}}
name: {{ .Values.postgresql.external.existingSecret }}
key: password
{{- else -}}
name: {{ include "berth.credentialsSecret" . }}
key: postgresql-password
{{- end -}}
{{- end -}}

{{- define "berth.jdbcUrl" -}}
{{- if .Values.postgresql.enabled -}}
{{- printf "jdbc:postgresql://%s:5432/%s" (include "berth.component" (dict "root" . "module" "postgresql")) .Values.postgresql.database -}}
{{- else -}}
{{- $host := required "postgresql.external.host is required when postgresql.enabled is false" .Values.postgresql.external.host -}}
{{- printf "jdbc:postgresql://%s:%v/%s" $host .Values.postgresql.external.port .Values.postgresql.database -}}
{{- end -}}
{{- end -}}

{{/* Readiness and liveness on the actuator's health groups; a startup probe covers the JVM's start */}}
{{- define "berth.probes" -}}
startupProbe:
  httpGet: {path: /actuator/health/liveness, port: http}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /actuator/health/liveness, port: http}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /actuator/health/readiness, port: http}
  periodSeconds: 5
  failureThreshold: 3
{{- end -}}
