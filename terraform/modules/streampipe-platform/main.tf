# The streampipe platform on an existing cluster: Kafka (Strimzi, KRaft), Cassandra (cass-operator),
# the Kubeflow Spark operator, optional monitoring, the streampipe operator and pipelines.
# Custom resources go through small local charts installed by helm_release: unlike
# kubernetes_manifest, a Helm release needs no CRD at plan time, so one apply installs an operator
# and then its resources.

locals {
  ns                 = var.namespaces
  kafka_bootstrap    = "${var.kafka.cluster_name}-kafka-bootstrap.${local.ns.kafka}.svc:9092"
  cassandra_service  = "${var.cassandra.cluster_name}-${var.cassandra.datacenter}-service.${local.ns.cassandra}.svc"
  cassandra_endpoint = "${local.cassandra_service}:9042"
  streampipe_chart   = coalesce(var.streampipe_chart, "${path.module}/../../../helm/streampipe-operator")
  grafana_password   = coalesce(var.monitoring.grafana_admin_password, random_password.grafana.result)
}

resource "kubernetes_namespace_v1" "this" {
  for_each = toset(distinct(values(local.ns)))

  metadata {
    name = each.value
    labels = {
      "app.kubernetes.io/part-of" = "streampipe"
    }
  }
}

resource "random_password" "grafana" {
  length  = 24
  special = false
}

resource "helm_release" "strimzi" {
  name       = "strimzi"
  repository = "https://strimzi.io/charts/"
  chart      = "strimzi-kafka-operator"
  version    = var.chart_versions.strimzi
  namespace  = local.ns.kafka
  wait       = true

  values = [yamlencode({
    # The Kafka cluster lives in the operator's namespace, but its topic operator watches the
    # pipelines namespace (KafkaTopics sit next to their pipeline): the cluster operator needs
    # rights there to set that up.
    watchNamespaces = [local.ns.pipelines]
  })]

  depends_on = [kubernetes_namespace_v1.this]
}

resource "helm_release" "kafka_cluster" {
  name      = "kafka-cluster"
  chart     = "${path.module}/charts/kafka-cluster"
  namespace = local.ns.kafka
  wait      = true

  values = [yamlencode({
    clusterName     = var.kafka.cluster_name
    replicas        = var.kafka.replicas
    storageSize     = var.kafka.storage_size
    storageClass    = var.kafka.storage_class
    version         = var.kafka.version
    topicsNamespace = local.ns.pipelines
  })]

  depends_on = [helm_release.strimzi]
}
