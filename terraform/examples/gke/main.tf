# A GKE Standard cluster with one node pool, and the streampipe platform on it.

provider "google" {
  project = var.project_id
  region  = var.region
}

data "google_client_config" "current" {}

resource "google_container_cluster" "this" {
  name     = var.cluster_name
  location = var.region

  # The default pool cannot be shaped; a separately managed pool can.
  remove_default_node_pool = true
  initial_node_count       = 1
  deletion_protection      = var.deletion_protection

  # A release channel only offers versions GKE still supports, all above the streampipe chart's
  # minimum (1.26) and the 1.28 the platform's upstream charts ask for.
  release_channel {
    channel = "REGULAR"
  }

  # The node pool's GKE_METADATA mode needs Workload Identity enabled on the cluster.
  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
}

resource "google_container_node_pool" "streampipe" {
  name       = "streampipe"
  cluster    = google_container_cluster.this.id
  node_count = var.nodes_per_zone

  node_config {
    machine_type = var.machine_type
    disk_size_gb = 100
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}

provider "kubernetes" {
  host                   = "https://${google_container_cluster.this.endpoint}"
  token                  = data.google_client_config.current.access_token
  cluster_ca_certificate = base64decode(google_container_cluster.this.master_auth[0].cluster_ca_certificate)
}

provider "helm" {
  kubernetes {
    host                   = "https://${google_container_cluster.this.endpoint}"
    token                  = data.google_client_config.current.access_token
    cluster_ca_certificate = base64decode(google_container_cluster.this.master_auth[0].cluster_ca_certificate)
  }
}

module "streampipe" {
  source = "../../modules/streampipe-platform"

  kafka = {
    replicas      = 3
    storage_class = "standard-rwo"
  }
  cassandra = {
    size          = 3
    storage_class = "standard-rwo"
    heap_size     = "2G"
  }
  streampipe_values = {
    replicaCount = 2
  }
  pipeline_files = var.pipeline_files

  depends_on = [google_container_node_pool.streampipe]
}
