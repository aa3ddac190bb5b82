variable "region" {
  description = "AWS region."
  type        = string
  default     = "eu-west-1"
}

variable "cluster_name" {
  description = "EKS cluster name (also names the VPC)."
  type        = string
  default     = "streampipe"

  validation {
    condition     = can(regex("^[a-zA-Z][-a-zA-Z0-9]{0,99}$", var.cluster_name))
    error_message = "cluster_name must start with a letter and hold only letters, digits and '-'."
  }
}

variable "kubernetes_version" {
  description = "EKS Kubernetes version: 1.28 or newer (the streampipe chart needs 1.26, the upstream charts the platform installs 1.28)."
  type        = string
  default     = "1.31"

  validation {
    condition     = can(regex("^1\\.[0-9]+$", var.kubernetes_version)) && try(tonumber(split(".", var.kubernetes_version)[1]) >= 28, false)
    error_message = "kubernetes_version must be 1.28 or newer, written like 1.31."
  }
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.42.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr))
    error_message = "vpc_cidr must be an IPv4 CIDR block."
  }
}

variable "node_instance_type" {
  description = "Instance type of the managed node group (Kafka x3, Cassandra x3, Spark jobs)."
  type        = string
  default     = "m6i.xlarge"
}

variable "node_count" {
  description = "Nodes in the managed node group."
  type        = number
  default     = 3

  validation {
    condition     = var.node_count >= 3
    error_message = "node_count must be at least 3 (three Kafka and three Cassandra nodes)."
  }
}

variable "pipeline_files" {
  description = "StreamingPipeline YAML files to apply."
  type        = list(string)
  default     = []
}
