{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "streampipe.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name; the release name alone when it already says streampipe. */}}
{{- define "streampipe.fullname" -}}
{{- if contains "streampipe" .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "streampipe.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "streampipe.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: streampipe
{{- end }}

{{- define "streampipe.selectorLabels" -}}
app.kubernetes.io/name: {{ include "streampipe.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "streampipe.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "streampipe.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Leader election is needed as soon as two replicas could reconcile the same pipeline. */}}
{{- define "streampipe.leaderElection" -}}
{{- if or (gt (int .Values.replicaCount) 1) .Values.leaderElection.enabled }}true{{ else }}false{{ end }}
{{- end }}

{{/* The operator's rules of one scope (namespaced, cluster, leaderElection) from the one list of
       the API calls it makes, rbac/operator-rules.yaml, which the operator's tests check. */}}
{{- define "streampipe.operatorRules" -}}
{{- index (.context.Files.Get "rbac/operator-rules.yaml" | fromYaml) .scope | toYaml }}
{{- end }}
