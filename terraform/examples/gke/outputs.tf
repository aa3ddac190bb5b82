output "cluster_name" {
  description = "GKE cluster name, for gcloud container clusters get-credentials."
  value       = google_container_cluster.this.name
}

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
