output "kafka_bootstrap_servers" {
  description = "In-cluster Kafka bootstrap address."
  value       = module.streampipe.kafka_bootstrap_servers
}

output "cassandra_service" {
  description = "In-cluster Cassandra CQL address."
  value       = module.streampipe.cassandra_service
}

output "grafana_url" {
  description = "In-cluster Grafana URL; reach it with kubectl port-forward."
  value       = module.streampipe.grafana_url
}

output "pipelines_namespace" {
  description = "Namespace the pipelines run in."
  value       = module.streampipe.pipelines_namespace
}

output "grafana_admin_password" {
  description = "Grafana's admin password (user admin)."
  value       = module.streampipe.grafana_admin_password
  sensitive   = true
}
