variable "project_id" {
  description = "Google Cloud project to create the cluster in."
  type        = string

  validation {
    condition     = can(regex("^[a-z][-a-z0-9]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id."
  }
}

variable "region" {
  description = "Region of the (regional) cluster."
  type        = string
  default     = "europe-west1"
}

variable "cluster_name" {
  description = "GKE cluster name."
  type        = string
  default     = "streampipe"
}

variable "machine_type" {
  description = "Machine type of the node pool."
  type        = string
  default     = "e2-standard-4"
}

variable "nodes_per_zone" {
  description = "Nodes per zone (a regional cluster has three zones)."
  type        = number
  default     = 1

  validation {
    condition     = var.nodes_per_zone >= 1
    error_message = "nodes_per_zone must be at least 1."
  }
}

variable "deletion_protection" {
  description = "Protect the cluster from terraform destroy."
  type        = bool
  default     = false
}

variable "pipeline_files" {
  description = "StreamingPipeline YAML files to apply."
  type        = list(string)
  default     = []
}
