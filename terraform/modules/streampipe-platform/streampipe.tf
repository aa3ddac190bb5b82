# The streampipe operator (its chart installs the StreamingPipeline CRD from crds/) and the
# pipelines, applied after it through a local chart.

resource "helm_release" "streampipe" {
  name      = "streampipe"
  chart     = local.streampipe_chart
  namespace = local.ns.streampipe
  wait      = true

  values = [
    yamlencode({
      watchNamespaces = [local.ns.pipelines]
      defaults = {
        kafkaCluster           = var.kafka.cluster_name
        bootstrapServers       = local.kafka_bootstrap
        cassandraContactPoints = local.cassandra_endpoint
        cassandraDatacenter    = var.cassandra.datacenter
      }
      metrics = {
        serviceMonitor = { enabled = var.monitoring.enabled }
      }
      prometheusRule = { enabled = var.monitoring.enabled }
      dashboard = {
        enabled   = var.monitoring.enabled
        namespace = local.ns.monitoring
      }
    }),
    yamlencode(var.streampipe_values),
  ]

  depends_on = [
    kubernetes_namespace_v1.this,
    helm_release.kafka_cluster,
    helm_release.cassandra_datacenter,
    helm_release.spark_operator,
    helm_release.kube_prometheus_stack,
  ]
}

locals {
  pipeline_docs = { for f in var.pipeline_files : trimsuffix(trimsuffix(basename(f), ".yaml"), ".yml") => yamldecode(file(f)) }

  # Each StreamingPipeline moved into the pipelines namespace and, unless told otherwise, pointed
  # at this platform's Kafka and Cassandra (example files name localhost).
  pipelines = {
    for name, doc in local.pipeline_docs : name => (
      var.point_pipelines_at_platform
      ? yamlencode(merge(doc, {
        metadata = merge(doc.metadata, { namespace = local.ns.pipelines })
        spec = merge(doc.spec, {
          source = merge(doc.spec.source, { bootstrapServers = local.kafka_bootstrap })
          sink = merge(doc.spec.sink, {
            cassandra = merge(doc.spec.sink.cassandra, {
              contactPoints     = [local.cassandra_endpoint]
              localDatacenter   = var.cassandra.datacenter
              credentialsSecret = kubernetes_secret_v1.cassandra_superuser[local.ns.pipelines].metadata[0].name
            })
          })
        })
      }))
      : yamlencode(merge(doc, { metadata = merge(doc.metadata, { namespace = local.ns.pipelines }) }))
    )
  }
}

resource "helm_release" "pipelines" {
  count = length(var.pipeline_files) > 0 ? 1 : 0

  name      = "streampipe-pipelines"
  chart     = "${path.module}/charts/streampipe-pipelines"
  namespace = local.ns.pipelines
  wait      = false

  values = [yamlencode({ pipelines = local.pipelines })]

  depends_on = [helm_release.streampipe, kubernetes_secret_v1.cassandra_superuser]
}
