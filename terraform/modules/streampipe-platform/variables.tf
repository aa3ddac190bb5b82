variable "namespaces" {
  description = "Namespaces the platform's parts are installed into; created by this module."
  type = object({
    kafka      = optional(string, "kafka")
    cassandra  = optional(string, "cassandra")
    spark      = optional(string, "spark-operator")
    monitoring = optional(string, "monitoring")
    streampipe = optional(string, "streampipe-system")
    pipelines  = optional(string, "pipelines")
  })
  default = {}

  validation {
    condition = alltrue([
      for ns in values(var.namespaces) : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", ns))
    ])
    error_message = "Every namespace must be a DNS label (lower case letters, digits, '-', at most 63 characters)."
  }
}

variable "chart_versions" {
  description = "Versions of the upstream Helm charts; bump them deliberately, one at a time."
  type = object({
    strimzi               = optional(string, "1.2.0")
    cert_manager          = optional(string, "v1.16.2")
    cass_operator         = optional(string, "0.55.2")
    spark_operator        = optional(string, "2.5.2")
    kube_prometheus_stack = optional(string, "65.8.1")
  })
  default = {}

  validation {
    condition     = alltrue([for v in values(var.chart_versions) : can(regex("^v?[0-9]+\\.[0-9]+\\.[0-9]+$", v))])
    error_message = "Chart versions must be exact (x.y.z), never ranges."
  }
}

variable "kafka" {
  description = "The Strimzi Kafka cluster (KRaft, one node pool of combined controller+broker nodes)."
  type = object({
    cluster_name  = optional(string, "streampipe")
    replicas      = optional(number, 1)
    storage_size  = optional(string, "20Gi")
    storage_class = optional(string)
    version       = optional(string)
  })
  default = {}

  validation {
    condition     = var.kafka.replicas >= 1 && floor(var.kafka.replicas) == var.kafka.replicas
    error_message = "kafka.replicas must be a whole number of at least 1."
  }
  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi|Ti)$", var.kafka.storage_size))
    error_message = "kafka.storage_size must be a Kubernetes quantity such as 20Gi."
  }
}

variable "cassandra" {
  description = "The Cassandra datacenter run by cass-operator (K8ssandra)."
  type = object({
    cluster_name   = optional(string, "streampipe")
    datacenter     = optional(string, "dc1")
    size           = optional(number, 1)
    server_version = optional(string, "4.1.8")
    storage_size   = optional(string, "20Gi")
    storage_class  = optional(string)
    heap_size      = optional(string, "1G")
  })
  default = {}

  validation {
    condition     = var.cassandra.size >= 1 && floor(var.cassandra.size) == var.cassandra.size
    error_message = "cassandra.size must be a whole number of at least 1."
  }
  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.cassandra.datacenter))
    error_message = "cassandra.datacenter must be a DNS label."
  }
}

variable "install_cert_manager" {
  description = "Install cert-manager, which cass-operator's webhook needs; false when the cluster already runs it."
  type        = bool
  default     = true
}

variable "monitoring" {
  description = "Install kube-prometheus-stack and turn on the streampipe ServiceMonitor, alerts and dashboard."
  type = object({
    enabled                = optional(bool, true)
    grafana_admin_password = optional(string)
  })
  default = {}
}

variable "streampipe_chart" {
  description = "Path or OCI reference of the streampipe-operator chart; null means the chart in this repository."
  type        = string
  default     = null
}

variable "streampipe_values" {
  description = "Extra values for the streampipe-operator chart, merged over what this module sets."
  type        = any
  default     = {}
}

variable "pipeline_files" {
  description = "StreamingPipeline YAML files to apply into the pipelines namespace once the operator runs."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for f in var.pipeline_files : can(regex("\\.ya?ml$", f))])
    error_message = "pipeline_files must be YAML files (.yaml or .yml)."
  }
}

variable "point_pipelines_at_platform" {
  description = "Rewrite each pipeline's Kafka bootstrap servers, Cassandra contact points, datacenter and credentials Secret to this platform's."
  type        = bool
  default     = true
}
