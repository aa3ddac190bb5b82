output "cluster_name" {
  description = "EKS cluster name, for aws eks update-kubeconfig."
  value       = module.eks.cluster_name
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
