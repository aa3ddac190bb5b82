# The Kubeflow Spark operator runs the SparkApplications the streampipe operator creates. Drivers
# run as the streampipe chart's job ServiceAccount, so the Spark chart creates none.

resource "helm_release" "spark_operator" {
  name       = "spark-operator"
  repository = "https://kubeflow.github.io/spark-operator"
  chart      = "spark-operator"
  version    = var.chart_versions.spark_operator
  namespace  = local.ns.spark
  wait       = true

  values = [yamlencode({
    spark = {
      jobNamespaces = [local.ns.pipelines]
      serviceAccount = {
        create = false
      }
      rbac = {
        create = false
      }
    }
    # The webhook applies volumes and security contexts to driver and executor pods.
    webhook = {
      enable = true
    }
  })]

  depends_on = [kubernetes_namespace_v1.this]
}
