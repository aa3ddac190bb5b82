# streampipe on a cluster you already have, reached through a kubeconfig (k3s, kind, any distro).

provider "kubernetes" {
  config_path    = var.kubeconfig
  config_context = var.kube_context
}

provider "helm" {
  kubernetes {
    config_path    = var.kubeconfig
    config_context = var.kube_context
  }
}

module "streampipe" {
  source = "../../modules/streampipe-platform"

  kafka = {
    storage_class = var.storage_class
    storage_size  = "5Gi"
  }
  cassandra = {
    storage_class = var.storage_class
    storage_size  = "5Gi"
    heap_size     = "768M"
  }
  monitoring = {
    enabled = var.monitoring_enabled
  }
  pipeline_files = var.pipeline_files
}
