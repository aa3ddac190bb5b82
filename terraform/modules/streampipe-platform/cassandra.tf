# Cassandra through K8ssandra's cass-operator: a CassandraDatacenter whose superuser credentials
# the module generates, and copies into the pipelines namespace for the jobs.

resource "helm_release" "cert_manager" {
  count = var.install_cert_manager ? 1 : 0

  name       = "cert-manager"
  repository = "https://charts.jetstack.io"
  chart      = "cert-manager"
  version    = var.chart_versions.cert_manager
  namespace  = "cert-manager"
  wait       = true

  create_namespace = true
  values           = [yamlencode({ crds = { enabled = true } })]
}

resource "helm_release" "cass_operator" {
  name       = "cass-operator"
  repository = "https://helm.k8ssandra.io/stable"
  chart      = "cass-operator"
  version    = var.chart_versions.cass_operator
  namespace  = local.ns.cassandra
  wait       = true

  depends_on = [kubernetes_namespace_v1.this, helm_release.cert_manager]
}

resource "random_password" "cassandra_superuser" {
  length  = 32
  special = false
}

resource "kubernetes_secret_v1" "cassandra_superuser" {
  for_each = toset(distinct([local.ns.cassandra, local.ns.pipelines]))

  metadata {
    name      = "streampipe-cassandra"
    namespace = each.value
    labels = {
      "app.kubernetes.io/part-of" = "streampipe"
    }
  }
  data = {
    username = "streampipe"
    password = random_password.cassandra_superuser.result
  }

  depends_on = [kubernetes_namespace_v1.this]
}

resource "helm_release" "cassandra_datacenter" {
  name      = "cassandra-datacenter"
  chart     = "${path.module}/charts/cassandra-datacenter"
  namespace = local.ns.cassandra
  # A datacenter takes minutes to bootstrap; the release only has to be accepted.
  wait = false

  values = [yamlencode({
    clusterName         = var.cassandra.cluster_name
    datacenter          = var.cassandra.datacenter
    size                = var.cassandra.size
    serverVersion       = var.cassandra.server_version
    storageSize         = var.cassandra.storage_size
    storageClass        = var.cassandra.storage_class
    heapSize            = var.cassandra.heap_size
    superuserSecretName = kubernetes_secret_v1.cassandra_superuser[local.ns.cassandra].metadata[0].name
  })]

  depends_on = [helm_release.cass_operator]
}
