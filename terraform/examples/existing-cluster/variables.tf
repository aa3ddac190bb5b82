variable "kubeconfig" {
  description = "Path of the kubeconfig; for k3s a private copy of /etc/rancher/k3s/k3s.yaml (see README)."
  type        = string
  default     = "~/.kube/config"
}

variable "kube_context" {
  description = "Context in the kubeconfig; null for its current context."
  type        = string
  default     = null
}

variable "storage_class" {
  description = "StorageClass for Kafka and Cassandra volumes; k3s ships local-path, null uses the cluster default."
  type        = string
  default     = null
}

variable "monitoring_enabled" {
  description = "Install kube-prometheus-stack with the streampipe dashboard and alerts."
  type        = bool
  default     = true
}

variable "pipeline_files" {
  description = "StreamingPipeline YAML files to apply, e.g. [\"../../../examples/users-pipeline.yaml\"]."
  type        = list(string)
  default     = []
}
