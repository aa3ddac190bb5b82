#!/usr/bin/env bash
# Builds both images with the names and tags the parent pom sets (the one place they live).
# Usage: deploy/docker/build-images.sh [--push] [extra docker build args...]
set -euo pipefail
cd "$(dirname "$0")/../.."
push=false
if [[ ${1:-} == --push ]]; then push=true; shift; fi
property() { ./mvnw -q -N help:evaluate -Dexpression="$1" -DforceStdout; }
operator_image=$(property streampipe.operator.image)
job_image=$(property streampipe.job.image)
spark_version=$(property spark.version)
scala_binary=$(property scala.binary.version)

DOCKER_BUILDKIT=1 docker build -f deploy/docker/operator.Dockerfile -t "$operator_image" "$@" .
DOCKER_BUILDKIT=1 docker build -f deploy/docker/pipeline-job.Dockerfile -t "$job_image" \
  --build-arg SPARK_VERSION="$spark_version" --build-arg SCALA_BINARY_VERSION="$scala_binary" "$@" .
if $push; then
  docker push "$operator_image"
  docker push "$job_image"
fi
echo "built $operator_image and $job_image"
