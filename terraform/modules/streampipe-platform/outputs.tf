output "kafka_bootstrap_servers" {
  description = "In-cluster Kafka bootstrap address (plain listener), host:port."
  value       = local.kafka_bootstrap
}

output "kafka_cluster_name" {
  description = "Name of the Strimzi Kafka cluster (the strimzi.io/cluster label of its topics)."
  value       = var.kafka.cluster_name
}

output "cassandra_service" {
  description = "In-cluster Cassandra CQL address, host:port."
  value       = local.cassandra_endpoint
}

output "cassandra_datacenter" {
  description = "Cassandra datacenter name, the pipelines' sink.cassandra.localDatacenter."
  value       = var.cassandra.datacenter
}

output "cassandra_credentials_secret" {
  description = "Secret (keys username, password) in the pipelines namespace, for sink.cassandra.credentialsSecret."
  value       = kubernetes_secret_v1.cassandra_superuser[local.ns.pipelines].metadata[0].name
}

output "pipelines_namespace" {
  description = "Namespace the operator watches and the pipelines run in."
  value       = local.ns.pipelines
}

output "grafana_url" {
  description = "In-cluster Grafana URL (kubectl port-forward to reach it), null without monitoring."
  value       = var.monitoring.enabled ? "http://kube-prometheus-stack-grafana.${local.ns.monitoring}.svc" : null
}

output "grafana_admin_password" {
  description = "Grafana's admin password."
  value       = local.grafana_password
  sensitive   = true
}
