# kube-prometheus-stack, told to select every ServiceMonitor, PodMonitor and rule (the operator's
# per-pipeline PodMonitors carry no Helm release label). Grafana's sidecar loads the streampipe
# dashboard ConfigMap from the monitoring namespace.

resource "helm_release" "kube_prometheus_stack" {
  count = var.monitoring.enabled ? 1 : 0

  name       = "kube-prometheus-stack"
  repository = "https://prometheus-community.github.io/helm-charts"
  chart      = "kube-prometheus-stack"
  version    = var.chart_versions.kube_prometheus_stack
  namespace  = local.ns.monitoring
  wait       = true
  timeout    = 900

  values = [yamlencode({
    prometheus = {
      prometheusSpec = {
        serviceMonitorSelectorNilUsesHelmValues = false
        podMonitorSelectorNilUsesHelmValues     = false
        ruleSelectorNilUsesHelmValues           = false
      }
    }
    grafana = {
      adminPassword = local.grafana_password
      sidecar = {
        dashboards = {
          enabled = true
          label   = "grafana_dashboard"
        }
      }
    }
  })]

  depends_on = [kubernetes_namespace_v1.this]
}
